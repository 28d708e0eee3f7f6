// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dbsynth",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dbsynth", targets: ["DBSynthCLI"]),
        // Seeding from Swift code (a Vapor or Hummingbird service's tests):
        // the same fill as the command line, in-process.
        .library(name: "DBSynth", targets: ["DBSynth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // The schema as dbsynth sees it (tables, columns, keys, CHECKs, trigger
        // rules, types) and SQL quoting and tokenizing. Depends on nothing, so
        // the engine can be built and tested without a database client.
        .target(name: "SchemaModel"),
        // Thin module maps over the C client libraries; everything Swift-facing
        // lives in Introspect, which owns every C pointer these hand out.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // zstd for Parquet pages; `Parquet.ZstdCompressor` owns its one C pointer.
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]
        ),
        // Connections, catalog queries and the readers of trigger and view text
        // that turn a live database into a SchemaModel.Schema.
        .target(name: "Introspect", dependencies: ["SchemaModel", "CSQLite", "CLibPQ"]),
        // The plan (DAG, cycles, feasibility) and the value generators. Never
        // talks to a database: the package graph keeps every C target out of it.
        .target(name: "Engine", dependencies: ["SchemaModel"]),
        // Our own streaming Parquet writer: Thrift compact footer, PLAIN and
        // dictionary pages, statistics, zstd. Knows nothing of dbsynth's
        // schema or rows: columns of typed values in, a file out.
        .target(name: "Parquet", dependencies: ["CZstd"]),
        // Sinks: PostgreSQL COPY, SQLite prepared statements, files. Never decides a value.
        .target(name: "Loader", dependencies: ["SchemaModel", "Introspect", "Engine", "Parquet"]),
        // The YAML config (dbsynth and smelt-datagen formats): parsing with line
        // marks, validation against the live schema, the config generators.
        .target(
            name: "Config",
            dependencies: ["SchemaModel", "Introspect", "Engine", .product(name: "Yams", package: "Yams")]
        ),
        // `dbsynth profile`: aggregates of a live database (no rows), with
        // the K rule that keeps rare values out.
        .target(name: "Profile", dependencies: ["SchemaModel", "Introspect", "Engine"]),
        // Values written by a language model (`type: llm`, `fill --llm`,
        // `init --llm`): an OpenAI-compatible chat client over
        // FoundationNetworking (libcurl), pools, the cache and the token
        // report. Never talks to a database; the calls happen before the load.
        .target(name: "LLM", dependencies: ["SchemaModel", "Engine"]),
        // The fill as a library: options in, a result or a DBSynthError out.
        // The command line is a thin layer over it.
        .target(name: "DBSynth", dependencies: ["SchemaModel", "Introspect", "Engine", "Loader", "Parquet", "Config", "Profile", "LLM"]),
        // The `dbsynth` command: flags, terminal output, exit codes.
        .executableTarget(
            name: "DBSynthCLI",
            dependencies: [
                "DBSynth", "SchemaModel", "Introspect", "Engine", "Loader", "Parquet", "Config", "Profile", "LLM",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets for the parsers of outside text (scripts/fuzz.sh), and
        // in a normal build the tool that replays the saved inputs.
        .executableTarget(name: "DBSynthFuzz", dependencies: ["SchemaModel", "Introspect", "Engine", "Config"]),
        // Shared test helpers: scratch databases, running the built binary.
        .target(name: "TestSupport", dependencies: ["SchemaModel", "Introspect"], path: "Tests/TestSupport"),
        .testTarget(name: "IntrospectTests", dependencies: ["SchemaModel", "Introspect", "TestSupport"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "SchemaModel"]),
        .testTarget(name: "ProfileTests", dependencies: ["Profile", "Engine", "Introspect", "SchemaModel", "TestSupport"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "Engine", "SchemaModel", "Introspect", "TestSupport"]),
        // The Parquet writer's encoders against hand-computed bytes, its
        // files read back by pyarrow and DuckDB.
        .testTarget(name: "ParquetTests", dependencies: ["Parquet", "TestSupport"]),
        .testTarget(name: "LLMTests", dependencies: ["LLM", "Engine", "SchemaModel"]),
        .testTarget(name: "LoaderTests", dependencies: ["Loader", "Engine", "SchemaModel", "Introspect", "TestSupport"]),
        // End-to-end: runs the built `dbsynth` against real databases.
        .testTarget(name: "dbsynthTests", dependencies: ["DBSynthCLI", "DBSynthFuzz", "SchemaModel", "Introspect", "Engine", "TestSupport"]),
        // What a service's own test target looks like: seeding SQLite in-process.
        .testTarget(name: "ExampleTests", dependencies: ["DBSynth"], path: "Examples/SeedInTests"),
    ]
)
