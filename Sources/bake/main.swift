print("bake")
