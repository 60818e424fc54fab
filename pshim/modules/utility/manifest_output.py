"""Cmdlets of output formatting and conversion (merged by command discovery)."""

_U = "pshim.modules.utility."

CMDLETS = {
    "Format-Table": _U + "format_cmdlets:FormatTableCommand",
    "Format-List": _U + "format_cmdlets:FormatListCommand",
    "Format-Wide": _U + "format_cmdlets:FormatWideCommand",
    "Out-String": _U + "format_cmdlets:OutStringCommand",
    "Out-Host": _U + "format_cmdlets:OutHostCommand",
    "Out-Default": _U + "format_cmdlets:OutDefaultCommand",
    "Out-File": _U + "out_file:OutFileCommand",
    "ConvertTo-Csv": _U + "convert_csv:ConvertToCsvCommand",
    "Export-Csv": _U + "convert_csv:ExportCsvCommand",
    "ConvertFrom-Csv": _U + "convert_csv:ConvertFromCsvCommand",
    "Import-Csv": _U + "convert_csv:ImportCsvCommand",
    "ConvertTo-Html": _U + "convert_html:ConvertToHtmlCommand",
    "ConvertTo-Json": _U + "convert_json:ConvertToJsonCommand",
    "ConvertFrom-Json": _U + "convert_json:ConvertFromJsonCommand",
    "Export-Clixml": _U + "clixml:ExportClixmlCommand",
    "Import-Clixml": _U + "clixml:ImportClixmlCommand",
    "ConvertTo-Xml": _U + "clixml:ConvertToXmlCommand",
}

# `> path` / `>> path` write as Out-File does (commands/pipeline.py asks the command table for this writer)
FILE_REDIRECTION = _U + "out_file:RedirectionWriter"

ALIASES = {
    "ft": "Format-Table",
    "fl": "Format-List",
    "fw": "Format-Wide",
    "epcsv": "Export-Csv",
    "ipcsv": "Import-Csv",
    "oh": "Out-Host",
}
