"""Directory backends: the lab (SQLite) and Active Directory (LDAP), behind one interface (base.py)."""
