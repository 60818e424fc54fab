"""The Exchange transport module (directory, Receive connectors, Test-SmtpConnectivity, labs).
Its cmdlets land with the Exchange issues; the package is discovered like any module."""
MODULE_NAME = "Microsoft.Exchange.Management.PowerShell.E2010"
