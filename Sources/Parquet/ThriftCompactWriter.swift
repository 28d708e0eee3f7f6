/// Writes Thrift's compact protocol, the encoding of every Parquet header
/// and of the footer: field ids as deltas in the type byte when they are
/// close, integers as zigzag varints, booleans folded into the field header.
/// Only what Parquet's structs use is here (no maps, sets or doubles).
///
/// A struct is written field by field in increasing id order; nested structs
/// (`beginStruct`, `beginListStruct`) keep their own last field id, restored
/// by `endStruct`, as the protocol requires.
package struct ThriftCompactWriter {
    /// The compact protocol's type nibbles.
    package enum FieldType: UInt8, Sendable {
        case boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7
        case binary = 8, list = 9, set = 10, map = 11, structure = 12
    }

    package private(set) var bytes: [UInt8] = []
    private var lastFieldID: Int16 = 0
    private var enclosingFieldIDs: [Int16] = []

    package init() {}

    // MARK: Fields

    package mutating func field(_ id: Int16, i32 value: Int32) {
        header(id, .i32)
        appendVarint(zigzag(Int64(value)))
    }

    package mutating func field(_ id: Int16, i64 value: Int64) {
        header(id, .i64)
        appendVarint(zigzag(value))
    }

    package mutating func field(_ id: Int16, i16 value: Int16) {
        header(id, .i16)
        appendVarint(zigzag(Int64(value)))
    }

    package mutating func field(_ id: Int16, byte value: Int8) {
        header(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    package mutating func field(_ id: Int16, bool value: Bool) {
        header(id, value ? .boolTrue : .boolFalse)
    }

    package mutating func field(_ id: Int16, binary value: [UInt8]) {
        header(id, .binary)
        appendBinary(value)
    }

    package mutating func field(_ id: Int16, string value: String) {
        field(id, binary: Array(value.utf8))
    }

    /// Opens a struct-valued field; close it with `endStruct`.
    package mutating func beginStruct(_ id: Int16) {
        header(id, .structure)
        enclosingFieldIDs.append(lastFieldID)
        lastFieldID = 0
    }

    /// An empty struct as a field's value (a union's chosen member such as
    /// `StringType`, or `TypeDefinedOrder`).
    package mutating func emptyStruct(_ id: Int16) {
        beginStruct(id)
        endStruct()
    }

    /// Closes the innermost struct: its STOP byte, and the enclosing field id back.
    package mutating func endStruct() {
        bytes.append(0)
        lastFieldID = enclosingFieldIDs.popLast() ?? 0
    }

    /// The STOP byte of the outermost struct: the message is complete.
    package mutating func endMessage() {
        precondition(enclosingFieldIDs.isEmpty, "a nested struct is still open")
        bytes.append(0)
        lastFieldID = 0
    }

    // MARK: Lists

    /// A list field's header; then `count` elements of `element` type.
    package mutating func beginList(_ id: Int16, of element: FieldType, count: Int) {
        header(id, .list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | element.rawValue)
        } else {
            bytes.append(0xF0 | element.rawValue)
            appendVarint(UInt64(count))
        }
    }

    /// An `i32` list element (an enum such as `Encoding`).
    package mutating func element(i32 value: Int32) {
        appendVarint(zigzag(Int64(value)))
    }

    package mutating func element(string value: String) {
        appendBinary(Array(value.utf8))
    }

    /// Opens a struct element of a list; close it with `endStruct`.
    package mutating func beginListStruct() {
        enclosingFieldIDs.append(lastFieldID)
        lastFieldID = 0
    }

    // MARK: Encoding

    /// Short form (delta 1…15 in the high nibble) when the id follows
    /// closely, else the type byte and the id as a zigzag varint.
    private mutating func header(_ id: Int16, _ type: FieldType) {
        let delta = Int(id) - Int(lastFieldID)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            appendVarint(zigzag(Int64(id)))
        }
        lastFieldID = id
    }

    private mutating func appendBinary(_ value: [UInt8]) {
        appendVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    private mutating func appendVarint(_ value: UInt64) {
        ULEB128.append(value, to: &bytes)
    }

    private func zigzag(_ v: Int64) -> UInt64 {
        UInt64(bitPattern: (v << 1) ^ (v >> 63))
    }
}

/// Unsigned LEB128 varints: Thrift's integers and the RLE hybrid's run headers.
package enum ULEB128 {
    @inline(__always)
    package static func append(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}
