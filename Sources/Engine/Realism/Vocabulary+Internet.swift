// Domains, user agents, languages and locales, written for this project.
// Every domain is reserved for examples and tests (RFC 2606 / RFC 6761), so a
// generated address or URL can never reach a real person or site.

extension Vocabulary {
    static let emailDomainsText = """
        example.com
        example.net
        example.org
        mail.example.com
        inbox.example.com
        post.example.net
        webmail.example.org
        users.example.com
        corp.example.com
        staff.example.org
        members.example.net
        home.example.net
        office.example.com
        team.example.org
        mail.example
        inbox.example
        postbox.example
        letterbox.example
        mailhub.example
        postoffice.example
        quickmail.example
        skymail.example
        bluemail.example
        owlpost.example
        pigeon.example
        envelope.example
        courier.example
        dispatch.example
        stamp.example
        parcel.example
        netmail.example
        homemail.example
        citymail.example
        worldmail.example
        sunmail.example
        mail.test
        inbox.test
        mailbox.test
        letterbox.test
        webmail.test
        post.test
        postbox.test
        correo.test
        courriel.test
        posta.test
        briefkasten.test
        mymail.test
        freemail.test
        swiftmail.test
        zipmail.test
        airmail.test
        northmail.test
        harbor.test
        lantern.test
        """

    /// Suffixes for generated host names: subdomains of the reserved example
    /// domains, or the reserved `.example` and `.test` TLDs.
    static let webSuffixesText = """
        example.com
        example.net
        example.org
        example
        test
        """

    static let userAgentsText = """
        Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36
        Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36
        Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0
        Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.0.0
        Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0
        Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0
        Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36
        Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15
        Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Safari/605.1.15
        Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0
        Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36
        Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0
        Mozilla/5.0 (X11; Fedora; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0
        Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1
        Mozilla/5.0 (iPhone; CPU iPhone OS 16_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1
        Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1
        Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1
        Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36
        Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36
        Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36
        Mozilla/5.0 (Linux; Android 12; moto g(60)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Mobile Safari/537.36
        Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0
        Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 OPR/110.0.0.0
        Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36
        curl/8.5.0
        python-requests/2.31.0
        PostmanRuntime/7.37.3
        okhttp/4.12.0
        """

    /// `code|Name`
    static let languagesText = """
        en|English
        es|Spanish
        fr|French
        de|German
        it|Italian
        pt|Portuguese
        nl|Dutch
        sv|Swedish
        nb|Norwegian Bokmål
        da|Danish
        fi|Finnish
        is|Icelandic
        pl|Polish
        cs|Czech
        sk|Slovak
        hu|Hungarian
        ro|Romanian
        el|Greek
        bg|Bulgarian
        hr|Croatian
        sr|Serbian
        sl|Slovenian
        uk|Ukrainian
        ru|Russian
        tr|Turkish
        he|Hebrew
        ar|Arabic
        fa|Persian
        hi|Hindi
        bn|Bengali
        ur|Urdu
        ta|Tamil
        te|Telugu
        mr|Marathi
        zh|Chinese
        ja|Japanese
        ko|Korean
        vi|Vietnamese
        th|Thai
        id|Indonesian
        ms|Malay
        tl|Tagalog
        sw|Swahili
        am|Amharic
        yo|Yoruba
        zu|Zulu
        af|Afrikaans
        ga|Irish
        cy|Welsh
        et|Estonian
        lv|Latvian
        lt|Lithuanian
        ca|Catalan
        eu|Basque
        """

    static let localesText = """
        en-US
        en-GB
        en-CA
        en-AU
        en-IN
        en-IE
        en-NZ
        en-ZA
        es-ES
        es-MX
        es-AR
        es-CO
        fr-FR
        fr-CA
        fr-BE
        fr-CH
        de-DE
        de-AT
        de-CH
        it-IT
        pt-BR
        pt-PT
        nl-NL
        nl-BE
        sv-SE
        nb-NO
        da-DK
        fi-FI
        pl-PL
        cs-CZ
        hu-HU
        ro-RO
        el-GR
        tr-TR
        ru-RU
        uk-UA
        he-IL
        ar-SA
        ar-EG
        hi-IN
        zh-CN
        zh-TW
        ja-JP
        ko-KR
        vi-VN
        th-TH
        id-ID
        ms-MY
        fil-PH
        sw-KE
        """
}
