raise RuntimeError("Plugin absichtlich kaputt")
