import ArgumentParser
import DBSynth

/// `--shape uniform|realistic` on `fill` and `inspect`.
extension FillOptions.Shape: ExpressibleByArgument {}
