"""Building blocks of the local servers: recording and redirecting servers, faults, files,
COGs, S3, tokens, proxy.
"""
