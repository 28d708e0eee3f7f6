/// The datasets `dbsynth datasets` lists and `dbsynth create` builds.
public enum DatasetCatalog {
    public static let all: [Dataset] = [.retailStar]

    public static func named(_ name: String) -> Dataset? { all.first { $0.name == name.lowercased() } }
}
