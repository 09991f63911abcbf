# 24-hour times in both languages (Django's English default is "5:30 p.m.").
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
