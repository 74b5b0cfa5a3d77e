print("unbake")
