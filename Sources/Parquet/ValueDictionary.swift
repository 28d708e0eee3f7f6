#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The distinct values of one column chunk in first-seen order, each with
/// its index: the dictionary page and the indices of dictionary-encoded
/// data pages. An open-addressing hash table over the entries, since a
/// `Dictionary<[UInt8], Int>` would allocate an array per value looked up.
///
/// Fixed-width values (INT32, INT64, FLOAT, DOUBLE) are keyed by their bit
/// pattern in a `UInt64`; byte arrays live in one arena.
struct ValueDictionary {
    let physicalType: ParquetColumn.PhysicalType
    private(set) var count = 0
    /// Bytes of the PLAIN-encoded dictionary page: what the size limit bounds.
    private(set) var plainSize = 0
    private var keys: [UInt64] = []
    private var arena: [UInt8] = []
    /// Entry `i` of a byte-array dictionary is `arena[starts[i]..<starts[i + 1]]`.
    private var starts: [Int] = [0]
    /// Entry index per slot, -1 when empty; the capacity is a power of two.
    private var slots: [Int32]
    private var mask: Int

    init(physicalType: ParquetColumn.PhysicalType) {
        self.physicalType = physicalType
        slots = [Int32](repeating: -1, count: 256)
        mask = 255
    }

    /// The index of a fixed-width value's bit pattern, added when new.
    @inline(__always)
    mutating func index(ofBits key: UInt64) -> UInt32 {
        var slot = Self.mix(key) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 {
                slots[slot] = Int32(count)
                keys.append(key)
                return added(width: physicalType.fixedWidth ?? 8)
            }
            if keys[Int(entry)] == key { return UInt32(entry) }
            slot = (slot + 1) & mask
        }
    }

    /// The index of a byte array (BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY), added when new.
    @inline(__always)
    mutating func index(ofBytes value: UnsafeRawBufferPointer) -> UInt32 {
        var slot = Self.hash(value) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 {
                slots[slot] = Int32(count)
                arena.append(contentsOf: value)
                starts.append(arena.count)
                return added(width: physicalType.fixedWidth ?? 4 + value.count)
            }
            if equals(Int(entry), value) { return UInt32(entry) }
            slot = (slot + 1) & mask
        }
    }

    /// The dictionary page's values, PLAIN-encoded.
    func plainEncoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(plainSize)
        switch physicalType {
        case .int32, .float:
            for k in keys { LittleEndian.append(UInt32(truncatingIfNeeded: k), to: &out) }
        case .int64, .double:
            for k in keys { LittleEndian.append(k, to: &out) }
        case .byteArray:
            for i in 0..<count {
                LittleEndian.append(UInt32(starts[i + 1] - starts[i]), to: &out)
                out.append(contentsOf: arena[starts[i]..<starts[i + 1]])
            }
        case .fixedLenByteArray:
            out.append(contentsOf: arena)
        case .boolean:
            preconditionFailure("booleans are never dictionary-encoded")
        }
        return out
    }

    private mutating func added(width: Int) -> UInt32 {
        count += 1
        plainSize += width
        if count * 2 > slots.count { grow() }
        return UInt32(count - 1)
    }

    private func equals(_ entry: Int, _ value: UnsafeRawBufferPointer) -> Bool {
        let start = starts[entry]
        guard starts[entry + 1] - start == value.count else { return false }
        return arena.withUnsafeBytes { a in
            value.count == 0 || memcmp(a.baseAddress! + start, value.baseAddress!, value.count) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for entry in 0..<count {
            var slot: Int
            switch physicalType {
            case .byteArray, .fixedLenByteArray:
                slot = arena.withUnsafeBytes { a in
                    Self.hash(UnsafeRawBufferPointer(rebasing: a[starts[entry]..<starts[entry + 1]]))
                } & mask
            default:
                slot = Self.mix(keys[entry]) & mask
            }
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    @inline(__always)
    static func mix(_ key: UInt64) -> Int {
        var x = key &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        x = x &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 32
        return Int(truncatingIfNeeded: x)
    }

    /// FNV-1a over 8-byte words, finished by `mix`.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            i += 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        return mix(h)
    }
}
