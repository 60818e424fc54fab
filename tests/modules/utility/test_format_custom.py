"""Format-Custom: 5.1's class-like (complex) view, with -Depth and -Property."""
from pshim.testing import run


def _lines(r):
    return [x.rstrip() for x in r.output[0].splitlines()]


def test_nested_objects_and_collections():
    r = run("[pscustomobject]@{a=1; b='x'; c=[pscustomobject]@{d=2; e=1,2}; f=@('p')} | Format-Custom | Out-String")
    assert _lines(r) == ["", "class PSCustomObject", "{", "  a = 1", "  b = x", "  c =",
                         "    class PSCustomObject", "    {", "      d = 2", "      e =", "        [", "          1",
                         "          2", "        ]", "", "    }", "  f =", "    [", "      p", "    ]", "", "}", "", ""]


def test_depth_stops_expansion_and_property_selects():
    r = run("[pscustomobject]@{a=[pscustomobject]@{b=[pscustomobject]@{c=1}}; z=0} | Format-Custom -Depth 1 -Property a "
            "| Out-String")
    assert _lines(r) == ["", "class PSCustomObject", "{", "  a =", "    class PSCustomObject", "    {",
                         "      b = @{c=1}", "    }", "}", "", ""]


def test_enumeration_limit_type_name_and_scalars():
    r = run("$FormatEnumerationLimit = 2; Get-Item . | Select-Object Name | Format-Custom | Out-String; "
            "[pscustomobject]@{n=1..5} | Format-Custom | Out-String; 'plain' | Format-Custom | Out-String")
    assert [x.rstrip() for x in r.output[0].splitlines()][1] == "class DirectoryInfo"
    assert [x.rstrip() for x in r.output[1].splitlines()][3:8] == ["  n =", "    [", "      1", "      2", "      ..."]
    assert r.output[2].strip() == "plain"


def test_format_custom_writes_format_packets_like_the_other_format_cmdlets():
    r = run("([pscustomobject]@{a=1} | Format-Custom)[0].GetType().FullName; "
            "(Get-Command Format-Custom).Source; (Get-Alias fc).Definition")
    assert r.output == ["Microsoft.PowerShell.Commands.Internal.Format.FormatStartData",
                        "Microsoft.PowerShell.Utility", "Format-Custom"]
