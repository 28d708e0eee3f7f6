/// The datasets `dbsynth datasets` lists and `dbsynth create` builds.
public enum DatasetCatalog {
    public static let all: [Dataset] = [.retailOLTP, .retailStar, .financeOLTP, .financeStar, .ecommerceStar, .healthcareOLTP]

    public static func named(_ name: String) -> Dataset? { all.first { $0.name == name.lowercased() } }
}
