/// FNV-1a over UTF-8, 64-bit: a hash that is the same on every machine and in
/// every run (Swift's `Hasher` is randomly seeded per process, which would
/// break reproducibility).
package enum StableHash {
    package static func of(_ text: String) -> UInt64 { fnv(text.utf8) }

    /// FNV-1a over bytes: a name's, or a value's in place (`Value.identityHash`).
    @inline(__always)
    package static func fnv<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        return h
    }

    /// Combines several names into one stream key, order-sensitive.
    package static func of(_ parts: String...) -> UInt64 {
        var h: UInt64 = 0x9e37_79b9_7f4a_7c15
        for p in parts { h = mix(h ^ of(p)) }
        return h
    }

    /// SplitMix64's finaliser: a bijective, well-avalanching 64-bit mixer.
    @inline(__always)
    package static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
