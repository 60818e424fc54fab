"""[cultureinfo]: en-US (pshim's culture) and the invariant culture scripts pass to ParseExact; TextInfo."""
from pshim.testing import run


def test_invariant_culture_and_title_case():
    r = run("[datetime]::ParseExact('20240102', 'yyyyMMdd', [System.Globalization.CultureInfo]::InvariantCulture).Day; "
            "[cultureinfo]::InvariantCulture.DisplayName; [cultureinfo]::InvariantCulture.Name -eq ''; "
            "[cultureinfo]::GetCultureInfo('en-US').LCID; ([cultureinfo]'en-US').Name; (Get-Culture).LCID; "
            "(Get-Culture).TextInfo.ToTitleCase('hello wORLD of SMTP'); [cultureinfo]::CurrentCulture.Name")
    assert not r.errors, r.error_text
    assert r.output == [2, "Invariant Language (Invariant Country)", True, 1033, "en-US", 1033,
                        "Hello World Of SMTP", "en-US"]


def test_a_culture_pshim_does_not_have():
    r = run("[cultureinfo]'xx-YY'")
    assert r.errors[0].error_id == "InvalidCastConstructorException"
    assert "xx-YY is an invalid culture identifier." in r.errors[0].message()
