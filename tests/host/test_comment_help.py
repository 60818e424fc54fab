"""Comment-based help of functions and scripts, found where 5.1 finds it and shown by Get-Help / -?."""
from pshim.help.comment_help import parse_help_comment
from pshim.testing import run


def _help(script, name="Get-Thing", switch=""):
    r = run(script + f"\nGet-Help {name} {switch}", capture_output=False)
    assert not r.errors, r.error_text
    return r.host_text


def _section(text, title):
    lines = text.split("\n")
    i = lines.index(title)
    out = []
    for ln in lines[i + 1:]:
        if ln and not ln.startswith(" "):
            break
        out.append(ln.strip())
    return "\n".join(x for x in out if x)


BLOCK = "<#\n.SYNOPSIS\nGets things.\n.DESCRIPTION\nA longer text\non two lines.\n#>"


def test_help_before_at_start_and_at_end_of_a_function():
    for script in (f"{BLOCK}\nfunction Get-Thing {{ param($Name) }}",
                   f"{BLOCK}\n\nfunction Get-Thing {{ param($Name) }}",
                   f"function Get-Thing {{\n{BLOCK}\nparam($Name) }}",
                   f"function Get-Thing {{ param($Name)\n'x'\n{BLOCK}\n}}"):
        text = _help(script)
        assert _section(text, "SYNOPSIS") == "Gets things.", script
        assert " ".join(_section(text, "DESCRIPTION").split()) == "A longer text on two lines.", script


def test_two_blank_lines_detach_the_comment_from_the_function():
    text = _help(f"{BLOCK}\n\n\nfunction Get-Thing {{ param($Name) }}")
    assert "Gets things." not in text


def test_line_comments_parameters_examples_links_and_notes():
    script = """function Get-Thing {
    # .SYNOPSIS
    #   Gets things.
    # .PARAMETER Name
    #   Which thing.
    # .EXAMPLE
    #   PS C:\\> Get-Thing -Name a
    #   Gets a.
    # .NOTES
    #   Written for the lab.
    # .LINK
    #   Get-Other
    param(
        # From the declaration (overridden by .PARAMETER)
        $Name,
        # How many.
        [int]$Count
    )
}"""
    full = _help(script, switch="-Full")
    assert _section(full, "SYNOPSIS") == "Gets things."
    assert "Which thing." in full and "From the declaration" not in full
    assert "How many." in full
    assert "PS C:\\>Get-Thing -Name a" in full and "Gets a." in full   # 5.1: prompt and code together
    assert _section(full, "NOTES").split("\n")[0] == "Written for the lab."
    default = _help(script)
    assert _section(default, "RELATED LINKS") == "Get-Other"
    r = run(script + "\nGet-Thing -?", capture_output=False)
    assert _section(r.host_text, "SYNOPSIS") == "Gets things."


def test_script_help_at_the_top_or_the_end(tmp_path):
    top = tmp_path / "Check-Connectors.ps1"
    top.write_text("#Requires -Version 3\n<#\n.SYNOPSIS\nChecks the connectors.\n.PARAMETER Server\nThe server.\n#>\n"
                   "param([string]$Server)\n\"ok $Server\"\n", encoding="utf-8")
    text = _help("", f"'{top}'")
    assert _section(text, "SYNOPSIS") == "Checks the connectors."
    r = run(f"Get-Help '{top}' -Parameter Server", capture_output=False)
    assert "The server." in r.host_text
    end = tmp_path / "end.ps1"
    end.write_text("param($a)\n'x'\n<#\n.SYNOPSIS\nAt the end.\n#>\n", encoding="utf-8")
    assert _section(_help("", f"'{end}'"), "SYNOPSIS") == "At the end."
    fn = tmp_path / "fn.ps1"
    fn.write_text("<#\n.SYNOPSIS\nThe function's.\n#>\nfunction f { }\n", encoding="utf-8")
    assert "The function's." not in _help("", f"'{fn}'")


def test_a_comment_without_keywords_is_not_help():
    assert parse_help_comment("<# just a note #>") is None
    assert parse_help_comment("# .NOTAKEYWORD x\n# y") is None
    assert parse_help_comment("# text first\n# .SYNOPSIS\n# x") is None
    data = parse_help_comment("<#\n  .synopsis\n  lower case works\n#>")
    assert data["synopsis"] == "lower case works"
