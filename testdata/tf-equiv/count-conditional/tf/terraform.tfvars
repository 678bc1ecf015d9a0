enable_backup      = true
enable_legacy_sync = false
