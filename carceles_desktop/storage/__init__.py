"""Storage: engines, units of work, migrations, backups. No Qt."""
