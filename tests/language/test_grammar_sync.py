"""grammar/pshim.ebnf and the pyparsing grammar name the same productions."""
import os
import re

from pshim.language import grammar

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EBNF = os.path.join(ROOT, "grammar", "pshim.ebnf")


def productions():
    with open(EBNF, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"\(\*.*?\*\)", "", text, flags=re.S)
    return re.findall(r"^([a-z_]+)\s*::=", text, flags=re.M)


def test_every_production_has_an_element_and_back():
    names = productions()
    assert len(names) == len(set(names)), "a production is defined twice"
    elements = grammar.named_elements()
    assert sorted(set(names) - set(elements)) == [], "productions without a pyparsing element"
    assert sorted(set(elements) - set(names)) == [], "named elements without a production"


def test_named_elements_carry_their_names():
    for name, elem in grammar.named_elements().items():
        assert elem.customName == name
