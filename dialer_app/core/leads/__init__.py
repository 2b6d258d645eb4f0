"""Lead lists: leads and their statuses, reading lead files, the store, exports."""
