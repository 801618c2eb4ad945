"""Rules the whole code base keeps, checked over every module rather than by feature."""
