"""The portal's date and time formats, over Django's for each language: one time format for
the whole site, 17:30 in both languages (settings.FORMAT_MODULE_PATH). Templates use
`|time` and `|date:"DATETIME_FORMAT"`, never a pattern of their own."""
