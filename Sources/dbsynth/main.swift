print("dbsynth")
