"""SMTP on the wire for Test-SmtpConnectivity: the banner probe engine and the lab's SMTP listeners."""
