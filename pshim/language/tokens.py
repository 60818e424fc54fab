"""Lexical pieces of pshim's PowerShell language: regex sources, keyword and
operator tables, parse-error messages, and the pre-scan.

The pre-scan (`prescan`) is one pass over the source text before pyparsing
sees it.  It knows only what a lexer must know to find comments: where
strings, here-strings and `$( )` inside strings begin and end.  It returns a
*clean* copy of the text of exactly the same length in which comments
(`# ...`, `<# ... #>`) and line continuations (backtick + newline) are
replaced by spaces, so that every offset in the clean text is the offset in
the original, and the grammar never has to try comment patterns between
tokens.  It also records where each string literal ends (so the grammar's
string token needs no regex of its own for nested quotes), collects
`#requires` lines, and reports unterminated strings / comments.

Nothing here imports pyparsing: this module is cheap to import.
"""
from __future__ import annotations

import re

# ---------------------------------------------------------------------------
# Character classes

DASHES = "-\u2013\u2014\u2015"
DASH = "[-\u2013\u2014\u2015]"
SQUOTES = "'\u2018\u2019\u201a\u201b"
DQUOTES = '"\u201c\u201d\u201e'
SQ = "['\u2018\u2019\u201a\u201b]"
DQ = '["\u201c\u201d\u201e]'
# inline whitespace (newlines are significant and handled by the grammar)
INLINE_WS = " \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff\x85"

# ---------------------------------------------------------------------------
# Keywords

KEYWORDS = ("begin", "break", "catch", "class", "continue", "data", "define", "do", "dynamicparam",
            "else", "elseif", "end", "exit", "filter", "finally", "for", "foreach", "from",
            "function", "if", "in", "inlinescript", "parallel", "param", "process", "return",
            "switch", "throw", "trap", "try", "until", "using", "var", "while", "workflow",
            "enum", "hidden", "static", "configuration")

# keywords that may begin a statement (each has its own rule)
STATEMENT_KEYWORDS = ("if", "while", "for", "foreach", "do", "switch", "try", "trap", "function",
                      "filter", "break", "continue", "return", "exit", "throw", "data")
# keywords that can never begin a statement: a clear error instead of a command named `else`
MISPLACED_KEYWORDS = ("else", "elseif", "catch", "finally", "until", "in", "param",
                      "define", "from", "var", "workflow", "inlinescript", "parallel",
                      "configuration", "using")
RESERVED_UNSUPPORTED = ("define", "from", "var")

SWITCH_FLAGS = ("regex", "wildcard", "exact", "casesensitive", "file", "parallel")

# ---------------------------------------------------------------------------
# Operators

COMPARISON_BASE = ("eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch",
                   "contains", "notcontains", "in", "notin", "replace", "split")

# binary precedence (higher binds tighter); facts §8.2
PRECEDENCE = {}
for _op in ("and", "or", "xor"):
    PRECEDENCE[_op] = 1
for _op in ("band", "bor", "bxor"):
    PRECEDENCE[_op] = 2
for _base in COMPARISON_BASE:
    for _p in ("", "i", "c"):
        PRECEDENCE[_p + _base] = 3
for _op in ("join", "is", "isnot", "as", "shl", "shr"):
    PRECEDENCE[_op] = 3
PRECEDENCE["+"] = 5
PRECEDENCE["-"] = 5
PRECEDENCE["*"] = 6
PRECEDENCE["/"] = 6
PRECEDENCE["%"] = 6
PRECEDENCE["f"] = 7
PRECEDENCE[".."] = 8
PRECEDENCE[","] = 9          # the binary comma binds tighter than every other binary operator

_cmp_alt = "|".join(sorted(COMPARISON_BASE, key=len, reverse=True))
# dash operators in binary position
DASH_BINARY_RE = (DASH + r"(?i:(?P<dop>[ci]?(?:" + _cmp_alt + r")|isnot|is|as|join|f|and|or|xor"
                  r"|band|bor|bxor|shl|shr))(?![\w\-])")
# every binary operator; trailing newlines allowed after an operator
BINARY_RE = (r"(?:" + DASH_BINARY_RE + r"|(?P<sop>\.\.|[*/%](?!=)|\+(?![+=])|" + DASH + r"(?![=A-Za-z"
             + DASHES + r"])))\s*")
# prefix operators
UNARY_RE = (r"(?:" + DASH + r"(?i:(?P<dop>not|bnot|split|join))(?![\w\-])|(?P<sop>!|\+\+|" + DASH + DASH
            + r"|" + DASH + r"(?![A-Za-z=" + DASHES + r"])|\+(?![=])|,))\s*")
ASSIGN_RE = r"(?P<op>[-\u2013\u2014\u2015+*/%]?)=(?!=)\s*"

# ---------------------------------------------------------------------------
# Tokens (regex sources)

NAME_CHAR = r"[\w?]"
VARIABLE_RE = (r"\$(?:\{(?P<braced>[^}]*)\}|(?:(?P<scope>[A-Za-z_]\w*):(?=[\w?]))?(?P<name>[\w?]+)"
               r"|(?P<special>[$^]))")
SPLAT_RE = r"@(?P<name>[\w?]+)"
NUMBER_BODY = (r"(?:(?P<hex>0[xX][0-9a-fA-F]+)|(?P<dec>(?:\d+(?:\.(?!\.)\d*)?|\.\d+)(?:[eE][+-]?\d+)?))"
               r"(?P<suffix>[lLdD])?(?P<mult>[kKmMgGtTpP][bB])?")
NUMBER_RE = NUMBER_BODY + r"(?!\w)"
# a command argument ends at whitespace or one of these
ARG_END = r"(?=[\s;|){},&<>]|\Z)"
ARG_NUMBER_RE = NUMBER_BODY + ARG_END
# a generic token in argument mode (a bare word); backtick escapes any character
BAREWORD_RE = r"(?:[^\s{}();,|&<>`" + SQUOTES + DQUOTES + r"]|`[\s\S])+"
# a command name without & or .: anything bare that does not start an expression
COMMAND_NAME_RE = (r"(?:[A-Za-z_?%\\/~]|(?!" + NUMBER_RE + r")\d|\.\.?[\\/]|[^\x00-\x7f\u2013\u2014\u2015\u2018-\u201e\s])"
                   r"(?:[^\s{}();,|&<>`$" + SQUOTES + DQUOTES + r"]|`[\s\S])*")
PARAMETER_BASE = (DASH + r"(?P<name>[A-Za-z_?\u00c0-\uffff][^\s{}();,|&<>:.\[\]`" + SQUOTES + DQUOTES
                  + r"]*)")
REDIRECTION_RE = r"(?P<from>[1-6*])?(?:(?P<merge>>&(?P<to>[1-6]))|(?P<op>>>|>))"
TYPE_NAME_RE = (r"[A-Za-z_][\w.`+]*(?:\s*\[(?:[^\[\]]|\[(?:[^\[\]]|\[[^\[\]]*\])*\])*\])*")
TYPE_LITERAL_RE = r"\[\s*(?P<type>" + TYPE_NAME_RE + r")\s*\]"
ATTRIBUTE_OPEN_RE = r"\[\s*(?P<type>[A-Za-z_][\w.]*)\s*\(\s*"
MEMBER_NAME_RE = r"(?P<name>[A-Za-z_\u00c0-\uffff][\w]*)"
FUNCTION_NAME_RE = r"[^\s{}();,|&<>`$\[\]" + SQUOTES + DQUOTES + r"]+"
KEYWORD_BOUNDARY = r"(?=[\s{}();|&,'\"\u2018-\u201e]|\Z)"
HASH_KEY_RE = r"(?P<key>[A-Za-z_][^\s=;{}()'\"$@,`\u2018-\u201e]*)"
LABEL_RE = r":(?P<label>[A-Za-z_]\w*)"
# fast paths: an operand that no postfix operator follows
NO_POSTFIX = r"(?!\.(?!\.)|\[|::|\+\+|--)"
# in expression mode ++/-- may also follow whitespace (`$i ++`): 5.1 reads any ++/-- token after a
# unary operand as its postfix operator (the tokenizer skips the whitespace between tokens)
INCDEC_AFTER_SPACE = "[" + INLINE_WS + r"]+(?:\+\+|" + DASH + DASH + ")"
NO_POSTFIX_EXPR = r"(?!\.(?!\.)|\[|::|\+\+|--|" + INCDEC_AFTER_SPACE + ")"
SIMPLE_VARIABLE_RE = "(?>" + VARIABLE_RE + ")" + NO_POSTFIX_EXPR
SIMPLE_NUMBER_RE = "(?>" + NUMBER_RE + ")" + NO_POSTFIX_EXPR
ARG_VARIABLE_RE = "(?>" + VARIABLE_RE + ")" + ARG_END

# ---------------------------------------------------------------------------
# String bodies

ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
# the pieces of an expandable string body: text, escape, variable, subexpression start
EXPAND_PIECE = re.compile(
    r"(?P<text>[^`$\"\u201c\u201d\u201e]+)"
    r"|`(?P<esc>[\s\S])"
    r"|(?P<dq>[\"\u201c\u201d\u201e]{1,2})"
    r"|\$\{(?P<braced>[^}]*)\}"
    r"|\$(?:(?P<scope>[A-Za-z_]\w*):(?=[\w?]))?(?P<name>[\w?]+)"
    r"|\$(?P<special>[$^])"
    r"|(?P<sub>\$\()"
    r"|(?P<dollar>\$)")


# ---------------------------------------------------------------------------
# Parse-error messages (ParserStrings), by error id

MESSAGES = {
    "UnexpectedToken": "Unexpected token '{0}' in expression or statement.",
    "MissingEndCurlyBrace": "Missing closing '}}' in statement block or type definition.",
    "MissingEndParenthesisInExpression": "Missing closing ')' in expression.",
    "MissingEndParenthesisInSubexpression": "Missing closing ')' in subexpression.",
    "MissingEndParenthesisInMethodCall": "Missing ')' in method call.",
    "MissingEndSquareBracket": "Missing ']' after array index expression.",
    "EndSquareBracketExpectedAtEndOfAttribute": "Missing ] at end of attribute or type literal.",
    "MissingTypename": "Missing type name after '['.",
    "TerminatorExpectedAtEndOfString": "The string is missing the terminator: {0}.",
    "MissingTerminatorMultiLineComment": "The terminator '#>' is missing from the multiline comment.",
    "UnexpectedCharactersAfterHereStringHeader":
        "No characters are allowed after a here-string header but before the end of the line.",
    "IncompleteDollarVariableReference": "${{variable}} reference starting is missing the closing '}}'.",
    "MissingExpressionAfterOperator": "Missing expression after unary operator '{0}'.",
    "ExpectedValueExpression": "You must provide a value expression following the '{0}' operator.",
    "MissingExpressionAfterToken": "Missing expression after '{0}'.",
    "ExpectedExpression": "An expression was expected after '('.",
    "EmptyPipeElement": "An empty pipe element is not allowed.",
    "ExpressionsMustBeFirstInPipeline": "Expressions are only allowed as the first element of a pipeline.",
    "RedirectionNotSupported": "The '{0}' operator is reserved for future use.",
    "MissingFileSpecification": "Missing file specification after redirection operator.",
    "InvalidLeftHandSide": ("The assignment expression is not valid. The input to an assignment operator "
                            "must be an object that is able to accept assignments, such as a variable or a property."),
    "InvalidEndOfLine": "The token '{0}' is not a valid statement separator in this version.",
    "MissingOpenParenthesisInIfStatement": "Missing '(' after '{0}' in if statement.",
    "IfStatementMissingCondition": "Missing condition in if statement after '{0} ('.",
    "MissingEndParenthesisAfterStatement": "Missing closing ')' after expression in '{0}' statement.",
    "MissingStatementBlock": "Missing statement block after {0} ( condition ).",
    "MissingStatementBlockAfterElse": "Missing statement block after 'else' keyword.",
    "MissingOpenParenthesisAfterKeyword": "Missing opening '(' after keyword '{0}'.",
    "MissingExpressionAfterKeyword": "Missing expression after '{0}' in loop.",
    "MissingLoopStatement": "Missing statement body in {0} loop.",
    "MissingWhileOrUntilInDoWhile": "Missing while or until keyword in do loop.",
    "MissingVariableNameAfterForeach":
        "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {{...}}",
    "MissingInInForeach": "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {{...}}",
    "MissingForeachExpression": "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {{...}}",
    "MissingEndParenthesisAfterForeach":
        "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {{...}}",
    "MissingForeachStatement": "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {{...}}",
    "PipelineValueRequired": "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
    "MissingSwitchValueExpression": "Missing expression after '(' in switch statement.",
    "MissingEndParenthesisInSwitchStatement": "Missing ')' after expression in switch statement.",
    "MissingCurlyBraceInSwitchStatement": "Missing '{{' in switch statement.",
    "MissingSwitchConditionExpression": "Missing condition in switch statement clause.",
    "MissingSwitchStatementClause": "Missing statement block in switch statement clause.",
    "InvalidSwitchFlag": "The parameter {0} is not valid for the switch statement.",
    "MissingFilenameOption": ("Cannot process the 'switch' statement because of a missing file name argument "
                              "to the -file option."),
    "MultipleSwitchDefaultClauses": "A switch statement can have only one default clause.",
    "MissingTryStatementBlock": "The Try statement is missing its statement block.",
    "MissingCatchOrFinally": "The Try statement is missing its Catch or Finally block.",
    "MissingCatchHandlerBlock": "The Catch block is missing its statement block.",
    "MissingFinallyStatementBlock": "The Finally block is missing its statement block.",
    "MissingTypeLiteralToken": "Missing type literal.",
    "MissingTrapStatement": "The 'trap' statement was incomplete. A trap statement requires a body.",
    "MissingNameAfterKeyword": "Missing name after {0} keyword.",
    "MissingFunctionBody": "Missing function body in function declaration.",
    "MissingTypeBody": "Missing '{0}' body in '{0}' declaration.",
    "MissingEndParenthesisInFunctionParameterList": "Missing ')' in function parameter list.",
    "InvalidFunctionParameter": ("Parameter declarations are a comma-separated list of variable names with "
                                 "optional initializer expressions."),
    "OnlyOneParameterListAllowed": "The param statement cannot be used if arguments were specified in the function declaration.",
    "MissingNamedStatementBlock": "Missing statement block after '{0}'.",
    "MissingKeyInHashLiteral": "Missing key before '=' in hash literal.",
    "MissingEqualsInHashLiteral": "Missing '=' operator after key in hash literal.",
    "MissingStatementInHashLiteral": "Missing statement after '=' in hash literal.",
    "MissingEqualsInNamedArgument": "The \"=\" operator is missing after a named argument.",
    "MissingExpressionInNamedArgument": "Missing statement after '=' in named argument.",
    "MissingArgument": "Missing argument in parameter list.",
    "MissingPropertyName": "Missing property name after reference operator.",
    "MissingStatementBlockForDataSection": "The Data section is missing its statement block.",
    "UnexpectedKeyword": "Unexpected keyword '{0}'.",
    "ReservedKeywordNotAllowed": "The '{0}' keyword is not supported in this version of the language.",
    "SplattingNotPermitted": ("The splatting operator '@' cannot be used to reference variables in an expression. "
                              "'@{0}' can be used only as an argument to a command. To reference variables in an "
                              "expression use '${0}'."),
    "ParameterRequiresArgument": "Parameter {0} requires an argument.",
    "MissingExpression": "Missing expression after '{0}' in pipeline element.",
    "MissingArrayIndexExpression": "Array index expression is missing or not valid.",
    "ScriptTooComplicated": "Processing was stopped because the script is too complex.",
    "UnrecoverableParserError": "Unrecoverable error in PowerShell.",
    "IncompleteString": "Incomplete string token.",
    "IncompleteHashLiteral": "The hash literal was incomplete.",
    "MissingStatementTerminator": "Missing a newline or semicolon.",
    "UnexpectedAttribute": "Unexpected attribute '{0}'.",
    "DuplicateScriptCommandClause": "Script command clause '{0}' has already been defined.",
    "InvalidParameterForDataSectionStatement": ("The \"{0}\" parameter of the Data section is not valid. The valid "
                                                "Data section parameter is SupportedCommand."),
    "MissingValueForSupportedCommandInDataSectionStatement": (
        "The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or function name "
        "to the parameter."),
    # using statements
    "UsingMustBeAtStartOfScript": "A 'using' statement must appear before any other statements in a script.",
    "UsingStatementNotSupported": "This syntax of the 'using' statement is not supported.",
    "MissingUsingStatementDirective": "Missing using directive",
    "MissingUsingItemName": "Missing using name",
    "InvalidValueForUsingItemName": "'{0}' is not a valid value for using name.",
    "MissingNamespaceAlias": "Missing namespace alias",
    "MissingEqualsInUsingAlias": "Missing '=' operator",
    # reported after parsing (semantic_checks)
    "DuplicateFormalParameter": "Duplicate parameter ${0} in parameter list.",
    "VoidTypeConstraintNotAllowed": "[void] cannot be used as a parameter type, or on the left side of an assignment.",
    "OrderedAttributeOnlyOnHashLiteralNode": "The {0} attribute can be specified only on a hash literal node.",
    "ControlLeavingFinally": "Flow of control cannot leave a Finally block.",
    "EmptyVariableReference": "An empty ${{}} variable reference was found. A name is required inside the braces.",
    "ExceptionTypeAlreadyCaught": "Exception type {0} is already handled by a previous handler.",
    "ParameterAttributeArgumentNeedsToBeConstantOrScriptBlock":
        "Attribute argument must be a constant or a script block.",
    "DuplicateKeyInHashLiteral": "Duplicate keys '{0}' are not allowed in hash literals.",
    "DuplicateNamedArgument": "Duplicate named arguments '{0}' are not allowed.",
    "OperatorRequiresVariableOrProperty": "The '{0}' operator works only on variables or on properties.",
    "ReferenceNeedsToBeByItselfInTypeConstraint": "Cannot use [ref] with other types in a type constraint.",
    "ReferenceNeedsToBeLastTypeInTypeConversion": "[ref] can only be the final type in type conversion sequence.",
    "ReferenceNeedsToBeByItselfInTypeSequence": "Cannot have two occurrences of [ref] in a type sequence.",
    "SplattingNotPermittedInArgumentList": ("Splatted variables like '@{0}' cannot be part of a comma-separated "
                                            "list of arguments."),
    "EmptyCatchNotLast": "Catch block must be the last catch block.",
}

# error ids that mean "the input stopped too early" when they occur at its end
INCOMPLETE_AT_END = frozenset((
    "MissingEndCurlyBrace", "MissingEndParenthesisInExpression", "MissingEndParenthesisInSubexpression",
    "MissingEndParenthesisInMethodCall", "MissingEndSquareBracket", "TerminatorExpectedAtEndOfString",
    "MissingTerminatorMultiLineComment", "MissingExpressionAfterOperator", "ExpectedValueExpression",
    "MissingExpressionAfterToken", "EmptyPipeElement", "MissingOpenParenthesisInIfStatement",
    "IfStatementMissingCondition", "MissingEndParenthesisAfterStatement", "MissingStatementBlock",
    "MissingStatementBlockAfterElse", "MissingOpenParenthesisAfterKeyword", "MissingExpressionAfterKeyword",
    "MissingLoopStatement", "MissingWhileOrUntilInDoWhile", "MissingVariableNameAfterForeach",
    "MissingInInForeach", "MissingForeachExpression", "MissingEndParenthesisAfterForeach",
    "MissingForeachStatement", "PipelineValueRequired", "MissingSwitchValueExpression",
    "MissingEndParenthesisInSwitchStatement", "MissingCurlyBraceInSwitchStatement",
    "MissingSwitchStatementClause", "MissingTryStatementBlock", "MissingCatchOrFinally",
    "MissingCatchHandlerBlock", "MissingFinallyStatementBlock", "MissingTrapStatement",
    "MissingNameAfterKeyword", "MissingTypeBody", "MissingFunctionBody", "MissingEndParenthesisInFunctionParameterList",
    "MissingNamedStatementBlock", "MissingStatementInHashLiteral", "MissingEqualsInHashLiteral",
    "MissingFileSpecification", "MissingStatementBlockForDataSection", "IncompleteDollarVariableReference",
    "EndSquareBracketExpectedAtEndOfAttribute", "MissingExpressionInNamedArgument", "MissingFilenameOption",
    "IncompleteString", "MissingExpression", "MissingArrayIndexExpression", "ParameterRequiresArgument",
    "MissingUsingItemName", "MissingNamespaceAlias", "MissingStatementTerminator", "MissingUsingStatementDirective",
    "MissingValueForSupportedCommandInDataSectionStatement", "IncompleteHashLiteral",
    "MissingSwitchConditionExpression",
))


def message(error_id: str, *args) -> str:
    template = MESSAGES.get(error_id, error_id)
    try:
        return template.format(*args)
    except (IndexError, KeyError):
        return template


# ---------------------------------------------------------------------------
# The pre-scan

class ScanError(Exception):
    def __init__(self, error_id: str, arg: str, start: int, end: int, incomplete: bool):
        super().__init__(error_id)
        self.error_id = error_id
        self.arg = arg
        self.start = start
        self.end = end
        self.incomplete = incomplete


class Scan:
    __slots__ = ("clean", "string_ends", "requires")

    def __init__(self, clean, string_ends, requires):
        self.clean = clean
        self.string_ends = string_ends
        self.requires = requires


_TOP = re.compile(r"['\"\u2018-\u201e#`@<]|\$\{")
_NESTED = re.compile(r"['\"\u2018-\u201e#`@<()]|\$\{")
_SQ_REST = re.compile(r"(?:[^'\u2018-\u201b]|['\u2018-\u201b]{2})*['\u2018-\u201b]")
_DQ_STOP = re.compile(r"[\"\u201c\u201d\u201e`$]")
_HERE_HEAD = re.compile(r"@([\"\u201c\u201d\u201e]|['\u2018-\u201b])([ \t\f\v]*)(\r?\n|\Z)?")
_HERE_DQ_END = re.compile(r"\n[\"\u201c\u201d\u201e]@")
_HERE_SQ_END = re.compile(r"\n['\u2018-\u201b]@")
_HERE_SUB = re.compile(r"`[\s\S]|\$\(")
_REQUIRES = re.compile(r"#requires\b", re.I)
# `$name#...`, `5#...`: the variable or number ends before `#`, which then starts a comment
_TOKEN_BEFORE = re.compile(r"(?:^|(?<=[\s=(,;|{+*/%!\[-]))(?:\$(?:[A-Za-z_]\w*:)?[\w?]+(?:\+\+|--)?"
                           r"|(?:0[xX][0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)[lLdD]?(?:[kKmMgGtTpP][bB])?)\Z")
_COMMENT_BEFORE = frozenset(" \t\f\v\r\n;(){}[]|&,=\u00a0") | frozenset(INLINE_WS)


def prescan(text: str) -> Scan:
    """Blank comments and line continuations; record string ends; raise ScanError."""
    blanks: list[tuple[int, int]] = []
    string_ends: dict[int, int] = {}
    string_stops: set[int] = set()      # a `#` right after a string literal starts a comment
    requires: list[str] = []
    n = len(text)

    def skip_dq(i: int) -> int:
        # i at the opening quote; returns the offset after the closing quote
        start = i
        i += 1
        while True:
            m = _DQ_STOP.search(text, i)
            if m is None:
                raise ScanError("TerminatorExpectedAtEndOfString", '"', start, n, True)
            j = m.start()
            c = text[j]
            if c == "`":
                i = j + 2
            elif c == "$":
                nxt = text[j + 1:j + 2]
                if nxt == "(":
                    i = code(j + 2, True)
                elif nxt == "{":
                    k = text.find("}", j + 2)
                    i = n if k < 0 else k + 1
                else:
                    i = j + 1
            else:   # a double quote: doubled means a literal quote
                if j + 1 < n and text[j + 1] in DQUOTES:
                    i = j + 2
                else:
                    string_ends[start] = j + 1
                    return j + 1
            if i > n:
                raise ScanError("TerminatorExpectedAtEndOfString", '"', start, n, True)

    def code(i: int, nested: bool) -> int:
        rx = _NESTED if nested else _TOP
        depth = 0
        while True:
            m = rx.search(text, i)
            if m is None:
                if nested:
                    return n
                return n
            j = m.start()
            c = text[j]
            if c == "(":
                depth += 1
                i = j + 1
            elif c == ")":
                if depth == 0:
                    return j + 1
                depth -= 1
                i = j + 1
            elif c in SQUOTES:
                m2 = _SQ_REST.match(text, j + 1)
                if m2 is None:
                    raise ScanError("TerminatorExpectedAtEndOfString", "'", j, n, True)
                string_ends[j] = m2.end()
                string_stops.add(m2.end())
                i = m2.end()
            elif c in DQUOTES:
                i = skip_dq(j)
                string_stops.add(i)
            elif c == "#":
                if (j == 0 or text[j - 1] in _COMMENT_BEFORE or j in string_stops
                        or _TOKEN_BEFORE.search(text, max(0, j - 64), j)):
                    k = j
                    while k < n and text[k] not in "\r\n":
                        k += 1
                    if _REQUIRES.match(text, j):
                        requires.append(text[j:k].rstrip())
                    blanks.append((j, k))
                    i = k
                else:
                    i = j + 1
            elif c == "`":
                nxt = text[j + 1:j + 2]
                if nxt == "\r" or nxt == "\n":
                    # backtick-newline is whitespace, wherever it is (also on the last line)
                    k = j + 2
                    if nxt == "\r" and text[k:k + 1] == "\n":
                        k += 1
                    blanks.append((j, k))
                    i = k
                elif nxt == "":
                    # a backtick that ends the input escapes nothing (the console asks for more)
                    raise ScanError("IncompleteString", "", n, n, True)
                else:
                    i = j + 2
            elif c == "@":
                hm = _HERE_HEAD.match(text, j)
                if hm is None:
                    i = j + 1
                    continue
                q = hm.group(1)
                if hm.group(3) is None:
                    # `@"` followed by more text on its line: not a here-string header
                    raise ScanError("UnexpectedCharactersAfterHereStringHeader", "", j, hm.end(), False)
                if hm.group(3) == "":
                    raise ScanError("TerminatorExpectedAtEndOfString", q + "@", j, n, True)
                endrx = _HERE_DQ_END if q in DQUOTES else _HERE_SQ_END
                em = endrx.search(text, hm.end() - 1)
                if em is None:
                    raise ScanError("TerminatorExpectedAtEndOfString", q + "@", j, n, True)
                string_ends[j] = em.end()
                if q in DQUOTES:
                    # strings inside `$( )` of an expandable here-string
                    k = hm.end()
                    stop = em.start()
                    while True:
                        sm = _HERE_SUB.search(text, k, stop)
                        if sm is None:
                            break
                        k = code(sm.end(), True) if sm.group(0) == "$(" else sm.end()
                i = em.end()
            elif c == "<":
                if text[j + 1:j + 2] == "#":
                    k = text.find("#>", j + 2)
                    if k < 0:
                        raise ScanError("MissingTerminatorMultiLineComment", "", j, n, True)
                    blanks.append((j, k + 2))
                    i = k + 2
                else:
                    i = j + 1
            else:   # "${"
                k = text.find("}", j + 2)
                if k < 0:
                    raise ScanError("IncompleteDollarVariableReference", "", j, n, True)
                i = k + 1

    code(0, False)
    if blanks:
        parts = []
        last = 0
        for a, b in blanks:
            parts.append(text[last:a])
            seg = text[a:b]
            # keep line breaks inside block comments?  No: a comment is whitespace, not a separator,
            # except that a `#` line comment never contains one anyway.
            parts.append(" " * len(seg))
            last = b
        parts.append(text[last:])
        clean = "".join(parts)
    else:
        clean = text
    return Scan(clean, string_ends, requires)


# ---------------------------------------------------------------------------
# Token text for error messages

_TOKEN_AT = re.compile(
    r"\$(?:\{[^}]*\}|[\w?:]+|[$^])|@[\w?]+"
    r"|" + DASH + r"[\w]+"
    r"|[\w.\\/:*?%~]+"
    r"|'[^'\n]*'?|\"[^\"\n]*\"?"
    r"|\|\||&&|\+\+|--|\.\.|::|[-+*/%]=|>>|[1-6*]>&[12]|[1-6*]>>?"
    r"|@\(|@\{|\$\(|\S")


def token_at(text: str, pos: int) -> tuple[str, int]:
    """The PowerShell-ish token starting at pos (for 'Unexpected token' messages)."""
    m = _TOKEN_AT.match(text, pos)
    if m is None:
        return "", pos
    return m.group(0), m.end()
