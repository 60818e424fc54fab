# Talks SMTP to a server over a raw TCP socket and prints the dialogue.
param(
    [string]$SmtpServer = "mail.contoso.com",
    [int]$Port = 25,
    [string]$From = "test@contoso.com",
    [string]$To = "external@fabrikam.com"
)
function Send-Line($writer, $reader, [string]$line) {
    if ($line) { Write-Host ">> $line" -ForegroundColor Cyan; $writer.WriteLine($line); $writer.Flush() }
    Start-Sleep -Milliseconds 300
    while ($reader.Peek() -ge 0 -or $stream.DataAvailable) {
        $resp = $reader.ReadLine()
        Write-Host "<< $resp"
        if ($resp -match '^\d{3} ') { break }
    }
}
$client = New-Object System.Net.Sockets.TcpClient($SmtpServer, $Port)
$stream = $client.GetStream()
$reader = New-Object System.IO.StreamReader($stream)
$writer = New-Object System.IO.StreamWriter($stream)
$writer.NewLine = "`r`n"
try {
    Send-Line $writer $reader $null
    Send-Line $writer $reader "EHLO $env:COMPUTERNAME"
    Send-Line $writer $reader "MAIL FROM:<$From>"
    Send-Line $writer $reader "RCPT TO:<$To>"
    Send-Line $writer $reader "QUIT"
}
finally {
    $writer.Dispose(); $reader.Dispose(); $client.Close()
}
