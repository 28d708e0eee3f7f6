import Testing
import SchemaModel

@Suite struct StringTrimmingTests {
    @Test func trimsTheWhiteSpaceSQLSkips() {
        #expect(" \t\n\u{b}\u{c}\r 42 \r\n".trimmingSpaces() == "42")
        #expect("  a b  ".trimmingSpaces() == "a b")
        #expect("".trimmingSpaces() == "" && " \n ".trimmingSpaces() == "")
        #expect("x = 1".dropFirst(1).trimmingSpaces() == "= 1")
    }

    @Test func keepsOtherUnicodeSpacesAndWholeCharacters() {
        // Neither database skips a no-break space; cuts never split a scalar.
        #expect("\u{a0}5\u{a0}".trimmingSpaces() == "\u{a0}5\u{a0}")
        #expect(" é\u{2003} ".trimmingSpaces() == "é\u{2003}")
    }
}
