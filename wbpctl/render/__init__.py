"""Everything that turns data into text: the message catalogue and one renderer per format."""
