/// The values of one column for a run of rows, collected by the caller and
/// handed to `ColumnChunkWriter.write` whole. Filling a local struct and
/// encoding it in one call keeps the per-value work free of class property
/// accesses (each of which costs a dynamic exclusivity check), which made
/// value-by-value appends half of the writer's time.
///
/// NULLs are definition level 0 and take no value; integers, booleans
/// (0/1), doubles and byte arrays each have their own buffer. A byte array
/// is either copied into the slice or, to save the copy, a range of an
/// external buffer (a batch's text arena) that the caller passes to `write`.
package struct ColumnSlice {
    /// Rows in the slice, NULLs included.
    package private(set) var count = 0
    /// Per row: 1 for a value, 0 for NULL.
    package private(set) var levels: [UInt8] = []
    package private(set) var ints: [Int64] = []
    package private(set) var doubles: [Double] = []
    /// Byte arrays copied into the slice.
    package private(set) var bytes: [UInt8] = []
    /// Per byte-array value: its start in the external buffer, or for a
    /// copied one −1 − its start in `bytes`; and its length.
    package private(set) var starts: [Int] = []
    package private(set) var lengths: [Int] = []

    package init() {}

    /// Empties the slice, keeping its buffers for the next one.
    package mutating func removeAll() {
        count = 0
        levels.removeAll(keepingCapacity: true)
        ints.removeAll(keepingCapacity: true)
        doubles.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
    }

    @inline(__always) package mutating func appendNull() {
        levels.append(0)
        count += 1
    }

    /// An INT32 or INT64 value.
    @inline(__always) package mutating func append(int value: Int64) {
        levels.append(1)
        ints.append(value)
        count += 1
    }

    @inline(__always) package mutating func append(bool value: Bool) {
        append(int: value ? 1 : 0)
    }

    /// A FLOAT or DOUBLE value.
    @inline(__always) package mutating func append(double value: Double) {
        levels.append(1)
        doubles.append(value)
        count += 1
    }

    /// A BYTE_ARRAY value, or a FIXED_LEN_BYTE_ARRAY one of the column's width, copied.
    @inline(__always) package mutating func append(bytes value: UnsafeRawBufferPointer) {
        levels.append(1)
        starts.append(-1 - bytes.count)
        lengths.append(value.count)
        bytes.append(contentsOf: value)
        count += 1
    }

    /// A byte array that is `length` bytes at `offset` of the external
    /// buffer `write` will be given.
    @inline(__always) package mutating func append(externalOffset offset: Int, length: Int) {
        levels.append(1)
        starts.append(offset)
        lengths.append(length)
        count += 1
    }
}
