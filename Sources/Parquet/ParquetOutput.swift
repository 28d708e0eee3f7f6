/// Where a Parquet file's bytes go, in order. The writer never seeks: it
/// counts the bytes it has written to know every page's offset. Loader's
/// `FileWriter` is one (its errors name the path and the system's reason).
package protocol ParquetOutput: AnyObject {
    func write(_ bytes: [UInt8]) throws
}
