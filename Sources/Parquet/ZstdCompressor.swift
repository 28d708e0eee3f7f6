import CZstd

/// One zstd compression context, reused for every page of a file: the only
/// owner of the `ZSTD_CCtx` pointer, freed in `deinit`. Not thread-safe, as
/// the context is not; a file's pages are compressed on the thread writing it.
final class ZstdCompressor {
    private let context: OpaquePointer
    let level: Int32

    init(level: Int32) throws {
        guard let context = ZSTD_createCCtx() else { throw ParquetError.compression("ZSTD_createCCtx returned no context (out of memory)") }
        self.context = context
        self.level = level
    }

    deinit { ZSTD_freeCCtx(context) }

    /// `input` as one zstd frame.
    func compress(_ input: [UInt8]) throws -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var failure: Int?
        let output = input.withUnsafeBytes { source in
            [UInt8](unsafeUninitializedCapacity: bound) { destination, initialized in
                let size = ZSTD_compressCCtx(context, destination.baseAddress, bound, source.baseAddress, source.count, level)
                if ZSTD_isError(size) != 0 {
                    failure = size
                    initialized = 0
                } else {
                    initialized = size
                }
            }
        }
        if let failure {
            throw ParquetError.compression("zstd failed on a page of \(input.count) bytes: \(String(cString: ZSTD_getErrorName(failure)))")
        }
        return output
    }
}
