"""Local test servers (real HTTP servers on 127.0.0.1) and the sandbox STAC data generator."""
