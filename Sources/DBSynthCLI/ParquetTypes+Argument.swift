import ArgumentParser
import Loader

/// `--parquet-types logical|smelt` on `fill`.
extension ParquetTypes: ExpressibleByArgument {}
