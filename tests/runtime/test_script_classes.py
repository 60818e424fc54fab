"""PowerShell 5 classes and enums written in scripts (runtime/script_classes.py), as 5.1 runs them."""
from pshim.runtime import conversion as cv
from pshim.testing import run

P = ('class P { [string]$Name = "d"; [int]$Age; hidden [string]$Secret = "s"; static [int]$Count = 0\n'
     '  P() { [P]::Count++ }\n'
     '  P([string]$n) { $this.Name = $n; [P]::Count++ }\n'
     '  P([string]$n, [int]$a) { $this.Name = $n; $this.Age = $a }\n'
     '  [string] Hi() { return "hi " + $this.Name }\n'
     '  [string] Hi([string]$who) { return "hi $who from " + $this.Name }\n'
     '  [void] Grow() { $this.Age++; "dropped" }\n'
     '  [int] Calls() { "dropped"; return $this.Twice2(3) }\n'
     '  hidden [int] Twice2([int]$x) { return 2*$x }\n'
     '  static [int] Twice([int]$x) { return 2*$x }\n'
     '}\n')


def out(script):
    r = run(script)
    assert not r.errors, [e.message() for e in r.errors]
    return [cv.to_string(x) for x in r.output]


def err(script):
    r = run(script)
    assert r.errors
    return r.errors[-1]


def test_the_brief_line():
    assert out('class P { [string]$Name = "d"; [int]$Age; P() {}; P([string]$n) { $this.Name = $n }; '
               '[string] Hi() { return "hi " + $this.Name }; static [int] Twice([int]$x) { return 2*$x } }; '
               '$p = [P]::new(); $p.Name; $q = [P]::new("z"); $q.Name; $q.Hi(); [P]::Twice(4); '
               '$r = New-Object P "w"; $r.Name; enum Color { Red; Green = 5 }; [Color]::Green; '
               '[int][Color]::Green; class Q : P { Q() : base("base") {} }; [Q]::new().Name') == \
        ["d", "z", "hi z", "8", "w", "Green", "5", "base"]


def test_properties_defaults_types_and_static():
    assert out(P + '$p = [P]::new(); "[$($p.Name)] [$($p.Age)]"; [P]::Count; $null = [P]::new("x"); [P]::Count; '
               '$p.Age = "12"; $p.Age.GetType().Name; $p.Secret; [P]::Count = "7"; [P]::Count') == \
        ["[d] [0]", "1", "2", "Int32", "s", "7"]


def test_property_conversion_error():
    e = err(P + '$p = [P]::new(); $p.Age = "abc"')
    assert e.message() == ('Exception setting "Age": "Cannot convert value "abc" to type "System.Int32". '
                           'Error: "Input string was not in a correct format.""')
    assert e.exception.error_id == "ExceptionWhenSetting"


def test_constructor_overloads_and_errors():
    assert out(P + '$p = [P]::new("a", 4); $p.Name; $p.Age') == ["a", "4"]
    e = err(P + '[P]::new(1,2,3)')
    assert e.message() == 'Cannot find an overload for "new" and the argument count: "3".'
    # a class without constructors has the default one only
    e = err('class E { $a }; [E]::new(1)')
    assert e.message() == 'Cannot find an overload for "new" and the argument count: "1".'


def test_methods_output_only_return_void_and_overloads():
    assert out(P + '$p = [P]::new("a", 4); $p.Hi(); $p.Hi("me"); $p.Grow(); $p.Age; $x = $p.Grow(); '
               '$null -eq $x; $p.Calls(); [P]::Twice("21")') == \
        ["hi a", "hi me from a", "5", "True", "6", "42"]
    e = err(P + '[P]::new().hi(1, 2)')      # the method's own name
    assert e.message() == 'Cannot find an overload for "Hi" and the argument count: "2".'
    e = err(P + '[P]::new().Nope()')
    assert e.message() == "Method invocation failed because [P] does not contain a method named 'Nope'."


def test_method_argument_conversion_error():
    e = err(P + '[P]::Twice("abc")')
    assert e.message() == ('Cannot convert argument "x", with value: "abc", for "Twice" to type "System.Int32": '
                           '"Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a '
                           'correct format.""')


def test_hashtable_cast_new_object_is_and_gettype():
    assert out(P + '$h = [P]@{ Name = "hx"; Age = "3" }; $h.Name; $h.Age + 1; $h -is [P]; $h.GetType().Name; '
               '$h -is [pscustomobject]; (New-Object P "w").Name; [P]::Count') == \
        ["hx", "4", "True", "P", "False", "w", "2"]     # the cast runs the default constructor


def test_tostring_override_and_inheritance():
    script = ('class Animal { [string]$Name; Animal([string]$n) { $this.Name = $n }; '
              '[string] Speak() { return "..." }; [string] Kind() { return "animal" }; '
              '[string] ToString() { return "Animal " + $this.Name } }\n'
              'class Dog : Animal { [int]$Legs = 4; Dog([string]$n) : base($n) { } ; '
              '[string] Speak() { return "Woof from " + $this.Name + " the " + $this.Kind() } }\n')
    assert out(script + '$d = [Dog]::new("rex"); $d.Speak(); "$d"; $d.Legs; $d -is [Animal]; '
               '$d.GetType().Name; $d.ToString(); [string]$d') == \
        ["Woof from rex the animal", "Animal rex", "4", "True", "Dog", "Animal rex", "Animal rex"]
    assert out(script + '[Dog]::new("a").psobject.Properties | ForEach-Object Name') == ["Legs", "Name"]


def test_display_and_get_member():
    r = run(P + '$p = [P]::new("a", 4); $p; $p | Get-Member | Out-String', capture_output=False)
    text = r.host_text
    assert "Name Age" in text and "a      4" in text
    assert "TypeName: P" in text
    assert "Hi          Method     string Hi(), string Hi(string who)" in text
    assert "Grow        Method     void Grow()" in text
    assert "Twice2" not in text and "Secret" not in text
    assert "Age         Property   int Age {get;set;}" in text


def test_enums():
    assert out('enum Color { Red; Green = 5; Blue }; [Color]::Blue; [int][Color]::Blue; [Color]"green"; '
               '[Color]::Red -eq 0; [Color]::Green -lt [Color]::Blue; [Color]::Blue -gt "Green"; '
               '[Color]::Green.ToString(); [Color]::Green.GetType().Name; [Color]::Green -is [Color]; '
               '[Color]::Green.value__; [Color]5') == \
        ["Blue", "6", "Green", "True", "True", "True", "Green", "Color", "True", "5", "Green"]


def test_enum_conversion_errors():
    e = err('enum Color { Red; Green = 5; Blue }; [Color]"Purple"')
    assert e.message() == ('Cannot convert value "Purple" to type "Color". Error: "Unable to match the identifier '
                           'name Purple to a valid enumerator name. Specify one of the following enumerator names '
                           'and try again:\nRed, Green, Blue"')
    r = run('enum Color { Red; Green = 5; Blue }; function f([Color]$c) { "got $c" }; f Green; f Purple')
    assert [cv.to_string(x) for x in r.output] == ["got Green"]
    assert r.errors[0].message() == (
        "Cannot process argument transformation on parameter 'c'. Cannot convert value \"Purple\" to type "
        "\"Color\". Error: \"Unable to match the identifier name Purple to a valid enumerator name. Specify one "
        "of the following enumerator names and try again:\nRed, Green, Blue\"")


def test_enum_as_property_type_and_band():
    assert out('enum Size { Small; Large }; class Box { [Size]$S }; $b = [Box]::new(); $b.S; $b.S = "large"; '
               '$b.S; [int]$b.S; ([Size]::Large -band 1) -eq [Size]::Large') == ["Small", "Large", "1", "True"]


def test_using_module_classes(tmp_path):
    mod = tmp_path / "Shapes.psm1"
    mod.write_text("class Shape { [string]$Kind = 'shape'; [double] Area() { return 0 }\n"
                   "  [string] Describe() { return \"$($this.Kind) of area $($this.Area())\" } }\n"
                   "class Square : Shape { [double]$Side\n"
                   "  Square([double]$s) { $this.Kind = 'square'; $this.Side = $s }\n"
                   "  [double] Area() { return $this.Side * $this.Side } }\n")
    assert out(f"using module '{mod}'\n$s = [Square]::new(3); $s.Describe(); $s -is [Shape]") == \
        ["square of area 9", "True"]


def test_method_sees_this_and_throw_propagates():
    e = err('class T { [void] F() { throw "boom" } }; [T]::new().F()')
    assert e.message() == "boom"
    assert out('class C { [int]$N = 1; [int] Add([int]$k) { $this.N += $k; return $this.N } }; '
               '$c = [C]::new(); $null = $c.Add(2); $c.Add(3)') == ["6"]


def test_flags_enum():
    assert out('[Flags()] enum Perm { Read = 1; Write = 2; Exec = 4 }\n'
               '$p = [Perm]::Read -bor [Perm]::Write; $p; [int]$p; ($p -band [Perm]::Write) -eq [Perm]::Write; '
               '[Perm]"Read, Exec"; [Perm]7; $p.HasFlag([Perm]::Read); $p.HasFlag([Perm]::Exec)') == \
        ["Read, Write", "3", "True", "Read, Exec", "Read, Write, Exec", "True", "False"]
    # without [Flags()] a combination is no name
    e = err('enum One { A = 1; B = 2 }; [One]"A, B"')
    assert e.message().startswith('Cannot convert value "A, B" to type "One".')


def test_method_errors_write_error_is_dropped_exceptions_reach_the_caller():
    r = run('class W { [string] F() { Write-Error "quiet"; return "r" }; [string] G() { $this.Nope(); return "no" } }\n'
            '[W]::new().F(); try { [W]::new().G() } catch { "caught: $_" }')
    assert not r.errors
    assert [cv.to_string(x) for x in r.output] == \
        ["r", "caught: Method invocation failed because [W] does not contain a method named 'Nope'."]


def test_error_positions_are_the_scripts():
    r = run('# first\nclass W {\n  [void] G() {\n    throw "bad"\n  }\n}\n[W]::new().G()')
    assert r.errors[0].message() == "bad"
    assert "At line:4 char:5" in r.error_text and '+     throw "bad"' in r.error_text


def test_interfaces_compare_to_and_equals():
    script = ('class V : System.IComparable { [int]$N; V([int]$n) { $this.N = $n }\n'
              '  [int] CompareTo([object]$o) { return $this.N.CompareTo($o.N) }\n'
              '  [bool] Equals([object]$o) { return $o.N -eq $this.N } }\n'
              '$vs = [V]::new(3), [V]::new(1), [V]::new(2)\n')
    assert out(script + '($vs | Sort-Object | ForEach-Object N) -join ","; [V]::new(3) -gt [V]::new(1); '
               '[V]::new(3) -eq [V]::new(3); [V]::new(3) -eq [V]::new(4)') == ["1,2,3", "True", "True", "False"]
    assert out('class Plain { $a }; $x = [Plain]::new(); $x -eq $x; $x -eq [Plain]::new()') == ["True", "False"]
    e = err('class X : NoSuchBase { }')
    assert e.message() == "Unable to find type [NoSuchBase]."


def test_types_are_defined_before_the_script_runs():
    assert out("$q = [Q]::new(); $q.Name; [Color]::Red\n"
               "class Q : P { Q() : base('hoisted') { } }\n"
               "class P { [string]$Name; P([string]$n) { $this.Name = $n } }\n"
               "enum Color { Red }") == ["hoisted", "Red"]


def test_exception_classes_are_thrown_and_caught():
    script = ("class MyErr : System.Exception { [int]$Code; MyErr([string]$m, [int]$c) : base($m) { $this.Code = $c } }\n"
              "class SubErr : MyErr { SubErr() : base('sub failed', 7) { } }\n")
    assert out(script + "try { throw [MyErr]::new('bad thing', 42) } catch [MyErr] { "
               "\"$($_.Exception.Message) $($_.Exception.Code) $($_.Exception.GetType().Name)\" }\n"
               "try { throw [SubErr]::new() } catch [MyErr] { \"as MyErr: $($_.Exception.Message)\" }\n"
               "try { throw [SubErr]::new() } catch [System.ArgumentException] { 'wrong' } catch { \"any: $_\" }\n"
               "$e = [MyErr]::new('m', 1); $e -is [System.Exception]; \"$e\"") == \
        ["bad thing 42 MyErr", "as MyErr: sub failed", "any: sub failed", "True", "MyErr: m"]
    assert out("class E2 : System.Exception { }; [E2]::new().Message") == ["Exception of type 'E2' was thrown."]


def test_property_validation_attributes():
    script = ("class V { [ValidateRange(1,10)][int]$N = 1; [ValidateSet('a','b')][string]$S = 'a'\n"
              "  [ValidateNotNullOrEmpty()][string]$T = 'x' }\n$v = [V]::new()\n")
    assert out(script + "$v.N = 5; $v.N; $v.S = 'B'; $v.S") == ["5", "B"]
    assert err(script + "$v.N = 11").message() == (
        'Exception setting "N": "The 11 argument is greater than the maximum allowed range of 10. Supply an '
        'argument that is less than or equal to 10 and then try the command again."')
    assert err(script + "$v.S = 'c'").message() == (
        'Exception setting "S": "The argument "c" does not belong to the set "a,b" specified by the ValidateSet '
        'attribute. Supply an argument that is in the set and then try the command again."')
    assert err(script + "$v.T = ''").message() == (
        'Exception setting "T": "The argument is null or empty. Provide an argument that is not null or empty, '
        'and then try the command again."')
