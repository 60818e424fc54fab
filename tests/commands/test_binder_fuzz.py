"""Fuzzing argument lists against every registered cmdlet's declared parameters:
binding either succeeds or raises a ParameterBindingException record — never
another Python exception."""
from hypothesis import given, settings, strategies as st, HealthCheck

from pshim.commands.binder import CommandArgument, bind_arguments, resolve_parameter_set
from pshim.errors import PSException
from pshim.testing import new_session

SESSION = new_session()
ENTRIES = sorted(SESSION.commands.cmdlets.values(), key=lambda e: e.name)

values = st.one_of(st.none(), st.booleans(), st.integers(-5, 10 ** 12), st.floats(allow_nan=True),
                   st.text(max_size=8), st.lists(st.text(max_size=3), max_size=3),
                   st.sampled_from(["", "*", "a,b", "-1", "True", "0x10", "1KB"]))


def arg_strategy(names):
    named = st.builds(lambda n, v, has, colon: CommandArgument(n, v, has, None, colon),
                      st.one_of(st.sampled_from(names or ["X"]), st.text(min_size=1, max_size=6)),
                      values, st.booleans(), st.booleans())
    positional = st.builds(lambda v: CommandArgument(None, v), values)
    return st.lists(st.one_of(named, positional), max_size=6)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_binding_fuzz(data):
    entry = data.draw(st.sampled_from(ENTRIES))
    md = entry.load().metadata()
    names = [p.name for p in md.parameters] + [p.name[:2] for p in md.parameters]
    args = data.draw(arg_strategy(names))
    try:
        res = bind_arguments(md, args, None, data.draw(st.booleans()))
        resolve_parameter_set(md, res, False)
    except PSException as e:
        assert e.error_record.FullyQualifiedErrorId
