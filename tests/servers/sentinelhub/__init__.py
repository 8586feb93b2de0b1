"""A local Sentinel Hub Process API that renders real pixels from the sandbox scenes."""
