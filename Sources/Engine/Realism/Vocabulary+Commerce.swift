// Companies, jobs, products and money, written for this project.

extension Vocabulary {
    static let companyPrefixesText = """
        Apex
        Summit
        Pioneer
        Bluewater
        Silverline
        Ironwood
        Brightpath
        Clearview
        Evergreen
        Redstone
        Amberfield
        Aspenridge
        Beacon
        Bluepeak
        Boulder
        Cascade
        Cedarline
        Clearwater
        Cobalt
        Copperleaf
        Crescent
        Crestview
        Crystal
        Driftwood
        Eastgate
        Echo
        Emerald
        Falcon
        Fernwood
        Firefly
        Foxglove
        Frontier
        Granite
        Greenfield
        Harbor
        Harvest
        Highland
        Horizon
        Hudson
        Ironclad
        Juniper
        Keystone
        Kingfisher
        Lakeside
        Lantern
        Liberty
        Lighthouse
        Lodestar
        Meadowbrook
        Meridian
        Millstone
        Monarch
        Nimbus
        Northstar
        Oakridge
        Orchard
        Pacific
        Paragon
        Pinnacle
        Prairie
        Quarry
        Radiant
        Redwood
        Ridgeline
        Riverbend
        Sapphire
        Sentinel
        Silverbirch
        Skyline
        Solstice
        Sparrow
        Starling
        Stonebridge
        Suncrest
        Sunflower
        Tidewater
        Timberline
        Trident
        True North
        Twin Oaks
        Vantage
        Verdant
        Vista
        Westbrook
        Whitecap
        Wildflower
        Willowbrook
        Zenith
        Blue Heron
        Golden Oak
        Silver Fern
        Red Maple
        Northfield
        Southport
        Westwind
        Eastwood
        """

    static let companyIndustriesText = """
        Logistics
        Systems
        Foods
        Analytics
        Labs
        Technologies
        Solutions
        Consulting
        Media
        Studios
        Manufacturing
        Industries
        Energy
        Health
        Pharmaceuticals
        Biotech
        Robotics
        Software
        Networks
        Security
        Capital
        Financial
        Insurance
        Realty
        Properties
        Construction
        Engineering
        Design
        Architects
        Interiors
        Outfitters
        Apparel
        Textiles
        Furniture
        Home Goods
        Hardware
        Tools
        Supply
        Distribution
        Freight
        Shipping
        Aviation
        Motors
        Automotive
        Marine
        Farms
        Orchards
        Vineyards
        Brewing
        Coffee
        Bakery
        Kitchens
        Catering
        Hospitality
        Travel
        Tours
        Education
        Learning
        Publishing
        Press
        Books
        Records
        Entertainment
        Games
        Sports
        Fitness
        Wellness
        Dental
        Veterinary
        Clinics
        Environmental
        Recycling
        Water
        Solar
        Telecom
        Cloud
        Data
        Digital
        Marketing
        Advertising
        Communications
        Research
        Instruments
        Electronics
        Semiconductors
        Materials
        Chemicals
        Plastics
        Metals
        Mining
        Paper
        Packaging
        Printing
        Staffing
        Ventures
        Trading
        Imports
        """

    static let companySuffixesText = """
        Inc
        Inc.
        LLC
        LLC
        Ltd
        Ltd.
        Corp
        Corporation
        Co.
        Company
        Group
        Holdings
        Partners
        GmbH
        AG
        S.A.
        SAS
        S.p.A.
        B.V.
        N.V.
        PLC
        Pty Ltd
        Oy
        AB
        A/S
        """

    static let jobTitlesText = """
        Software Engineer
        Senior Software Engineer
        Staff Software Engineer
        Frontend Developer
        Backend Developer
        Full Stack Developer
        Mobile Developer
        DevOps Engineer
        Site Reliability Engineer
        Data Engineer
        Data Scientist
        Data Analyst
        Senior Data Analyst
        Machine Learning Engineer
        QA Engineer
        Test Automation Engineer
        Security Analyst
        Network Administrator
        Systems Administrator
        Database Administrator
        Cloud Architect
        Solutions Architect
        IT Support Specialist
        Help Desk Technician
        Engineering Manager
        Director of Engineering
        Chief Technology Officer
        Chief Executive Officer
        Chief Financial Officer
        Chief Operating Officer
        Chief Marketing Officer
        Vice President of Sales
        Vice President of Operations
        Product Manager
        Senior Product Manager
        Product Owner
        Project Manager
        Program Manager
        Scrum Master
        UX Designer
        UI Designer
        Graphic Designer
        Product Designer
        UX Researcher
        Content Writer
        Copywriter
        Technical Writer
        Editor
        Marketing Manager
        Marketing Coordinator
        Digital Marketing Specialist
        SEO Specialist
        Social Media Manager
        Brand Manager
        Communications Manager
        Public Relations Specialist
        Sales Representative
        Account Executive
        Account Manager
        Sales Manager
        Business Development Manager
        Customer Success Manager
        Customer Service Representative
        Support Specialist
        Call Center Agent
        Office Manager
        Executive Assistant
        Administrative Assistant
        Receptionist
        Office Coordinator
        Human Resources Manager
        HR Generalist
        Recruiter
        Talent Acquisition Specialist
        Payroll Specialist
        Accountant
        Senior Accountant
        Financial Analyst
        Controller
        Bookkeeper
        Auditor
        Tax Advisor
        Procurement Specialist
        Buyer
        Supply Chain Manager
        Logistics Coordinator
        Warehouse Supervisor
        Warehouse Associate
        Forklift Operator
        Delivery Driver
        Operations Manager
        Operations Analyst
        Business Analyst
        Management Consultant
        Legal Counsel
        Paralegal
        Compliance Officer
        Risk Analyst
        Store Manager
        Assistant Store Manager
        Cashier
        Sales Associate
        Barista
        Chef
        Line Cook
        Restaurant Manager
        Registered Nurse
        Nurse Practitioner
        Physician Assistant
        Pharmacist
        Physical Therapist
        Dental Hygienist
        Medical Assistant
        Lab Technician
        Research Scientist
        Teacher
        Teaching Assistant
        Librarian
        Electrician
        Plumber
        Carpenter
        Mechanic
        Maintenance Technician
        Civil Engineer
        Mechanical Engineer
        Electrical Engineer
        Architect
        Interior Designer
        Photographer
        Video Editor
        Event Coordinator
        Travel Agent
        Real Estate Agent
        Property Manager
        Insurance Agent
        Loan Officer
        Bank Teller
        Security Guard
        Facilities Manager
        """

    static let departmentsText = """
        Engineering
        Product
        Design
        Research and Development
        Data Science
        Information Technology
        Security
        Quality Assurance
        Operations
        Logistics
        Supply Chain
        Procurement
        Manufacturing
        Facilities
        Finance
        Accounting
        Payroll
        Legal
        Compliance
        Risk Management
        Human Resources
        Talent Acquisition
        Training and Development
        Marketing
        Communications
        Public Relations
        Sales
        Business Development
        Customer Support
        Customer Success
        Account Management
        Partnerships
        Administration
        Executive Office
        Strategy
        Investor Relations
        Internal Audit
        Purchasing
        Shipping and Receiving
        Maintenance
        """

    static let productAdjectivesText = """
        Ergonomic
        Rustic
        Sleek
        Compact
        Durable
        Lightweight
        Portable
        Deluxe
        Classic
        Modern
        Vintage
        Premium
        Essential
        Handcrafted
        Handmade
        Foldable
        Adjustable
        Wireless
        Smart
        Waterproof
        Insulated
        Reusable
        Organic
        Recycled
        Minimalist
        Elegant
        Heavy-Duty
        Ultra-Thin
        Rechargeable
        Cordless
        Stackable
        Modular
        Convertible
        Weatherproof
        Breathable
        Cozy
        Soft
        Sturdy
        Refined
        Practical
        Versatile
        Professional
        Gourmet
        Artisan
        Nordic
        Industrial
        Coastal
        Urban
        Retro
        Mid-Century
        Luxury
        Everyday
        Travel
        Outdoor
        Indoor
        Pocket
        Mini
        Jumbo
        Oversized
        Slim
        Quilted
        Padded
        Textured
        Polished
        Brushed
        Matte
        Glossy
        Hammered
        Woven
        Knitted
        Embroidered
        Carved
        Painted
        Frosted
        Tinted
        Timeless
        Bold
        Gentle
        Quiet
        Silent
        Rapid
        Precision
        Advanced
        Basic
        Sustainable
        Eco-Friendly
        Non-Stick
        Anti-Slip
        Shockproof
        Scratch-Resistant
        Thermal
        Magnetic
        Solar-Powered
        Hand-Painted
        Signature
        Heritage
        Grand
        Petite
        Expandable
        Collapsible
        Ventilated
        Cushioned
        Reversible
        Rugged
        """

    static let productMaterialsText = """
        Steel
        Stainless Steel
        Aluminum
        Copper
        Brass
        Bronze
        Iron
        Cast Iron
        Titanium
        Chrome
        Silver
        Pewter
        Zinc
        Tin
        Carbon Fiber
        Fiberglass
        Plastic
        Acrylic
        Polycarbonate
        Silicone
        Rubber
        Nylon
        Polyester
        Cotton
        Organic Cotton
        Linen
        Wool
        Merino Wool
        Cashmere
        Alpaca
        Silk
        Satin
        Velvet
        Corduroy
        Denim
        Canvas
        Twill
        Flannel
        Fleece
        Jersey
        Tweed
        Suede
        Leather
        Vegan Leather
        Faux Fur
        Felt
        Jute
        Hemp
        Bamboo
        Rattan
        Wicker
        Cork
        Oak
        White Oak
        Walnut
        Maple
        Cherry
        Teak
        Mahogany
        Pine
        Cedar
        Birch
        Ash
        Beech
        Acacia
        Mango Wood
        Rosewood
        Driftwood
        Reclaimed Wood
        Plywood
        Marble
        Granite
        Slate
        Quartz
        Concrete
        Terracotta
        Ceramic
        Porcelain
        Stoneware
        Earthenware
        Glass
        Tempered Glass
        Crystal
        Frosted Glass
        Stone
        Sandstone
        Travertine
        Clay
        Enamel
        Resin
        Paper
        Cardboard
        Kraft Paper
        Mesh
        Foam
        Memory Foam
        Gel
        Beeswax
        Soy Wax
        Graphite
        Jade
        Mother of Pearl
        Neoprene
        Microfiber
        """

    static let productNounsText = """
        Chair
        Table
        Desk
        Lamp
        Sofa
        Stool
        Bench
        Shelf
        Bookcase
        Cabinet
        Dresser
        Mirror
        Clock
        Vase
        Bowl
        Plate
        Mug
        Cup
        Tumbler
        Bottle
        Kettle
        Teapot
        Pan
        Skillet
        Pot
        Knife
        Spoon
        Spatula
        Cutting Board
        Tray
        Basket
        Box
        Crate
        Bag
        Backpack
        Wallet
        Purse
        Belt
        Hat
        Cap
        Scarf
        Gloves
        Jacket
        Coat
        Sweater
        Shirt
        Pants
        Shorts
        Socks
        Shoes
        Boots
        Sandals
        Watch
        Bracelet
        Necklace
        Ring
        Earrings
        Sunglasses
        Umbrella
        Blanket
        Pillow
        Cushion
        Rug
        Towel
        Curtain
        Candle
        Lantern
        Planter
        Watering Can
        Shovel
        Rake
        Hammer
        Wrench
        Screwdriver
        Drill
        Ladder
        Toolbox
        Flashlight
        Tent
        Sleeping Bag
        Hammock
        Cooler
        Thermos
        Water Bottle
        Bicycle
        Helmet
        Skateboard
        Yoga Mat
        Dumbbell
        Jump Rope
        Ball
        Keyboard
        Mouse
        Monitor Stand
        Headphones
        Speaker
        Charger
        Cable
        Phone Case
        Notebook
        Journal
        Pen
        Pencil
        Sketchbook
        Calendar
        Picture Frame
        Puzzle
        Kite
        Soap
        Brush
        Comb
        Coaster
        Doormat
        Apron
        """

    static let categoriesText = """
        Electronics
        Computers
        Mobile Phones
        Home & Kitchen
        Furniture
        Home Decor
        Bedding
        Bath
        Garden & Outdoor
        Tools & Home Improvement
        Automotive
        Sports & Outdoors
        Fitness
        Toys & Games
        Baby
        Books
        Music
        Movies & TV
        Video Games
        Office Supplies
        Arts & Crafts
        Clothing
        Shoes
        Jewelry
        Watches
        Handbags
        Beauty
        Personal Care
        Health
        Grocery
        Beverages
        Snacks
        Pet Supplies
        Industrial & Scientific
        Musical Instruments
        Camera & Photo
        Appliances
        Lighting
        Luggage & Travel
        Party Supplies
        Seasonal
        Software
        Stationery
        Kitchen Appliances
        Cookware
        Tableware
        Storage & Organization
        Cleaning Supplies
        Camping & Hiking
        Cycling
        Fishing
        Smart Home
        Audio
        Wearables
        Collectibles
        Gift Cards
        """

    static let genresText = """
        Action
        Adventure
        Animation
        Biography
        Comedy
        Crime
        Documentary
        Drama
        Family
        Fantasy
        Film Noir
        History
        Horror
        Musical
        Mystery
        Romance
        Science Fiction
        Sports
        Thriller
        War
        Western
        Jazz
        Blues
        Classical
        Country
        Electronic
        Folk
        Hip Hop
        Indie
        Metal
        Pop
        Punk
        Reggae
        R&B
        Rock
        Soul
        Latin
        World
        Ambient
        Opera
        Poetry
        Memoir
        Self-Help
        Travel
        Young Adult
        Children's
        Graphic Novel
        Cookbook
        """

    static let colorsText = """
        red
        crimson
        maroon
        burgundy
        orange
        amber
        gold
        yellow
        mustard
        lime
        olive
        green
        emerald
        sage
        mint
        teal
        turquoise
        cyan
        sky blue
        blue
        navy
        cobalt
        indigo
        violet
        purple
        lavender
        plum
        magenta
        pink
        rose
        salmon
        coral
        peach
        beige
        tan
        khaki
        brown
        chocolate
        ivory
        cream
        white
        silver
        gray
        charcoal
        black
        """

    /// `CODE|Name|symbol`; the first six are the common ones.
    static let currenciesText = """
        USD|US Dollar|$
        EUR|Euro|€
        GBP|Pound Sterling|£
        JPY|Yen|¥
        CAD|Canadian Dollar|$
        AUD|Australian Dollar|$
        CHF|Swiss Franc|CHF
        NZD|New Zealand Dollar|$
        CNY|Yuan Renminbi|¥
        INR|Indian Rupee|₹
        BRL|Brazilian Real|R$
        MXN|Mexican Peso|$
        SEK|Swedish Krona|kr
        NOK|Norwegian Krone|kr
        DKK|Danish Krone|kr
        PLN|Zloty|zł
        CZK|Czech Koruna|Kč
        HUF|Forint|Ft
        RON|Romanian Leu|lei
        TRY|Turkish Lira|₺
        RUB|Russian Ruble|₽
        ILS|New Israeli Sheqel|₪
        AED|UAE Dirham|AED
        SAR|Saudi Riyal|SAR
        ZAR|Rand|R
        NGN|Naira|₦
        KES|Kenyan Shilling|KSh
        EGP|Egyptian Pound|E£
        KRW|Won|₩
        SGD|Singapore Dollar|$
        HKD|Hong Kong Dollar|$
        TWD|New Taiwan Dollar|NT$
        THB|Baht|฿
        IDR|Rupiah|Rp
        MYR|Malaysian Ringgit|RM
        PHP|Philippine Peso|₱
        VND|Dong|₫
        ARS|Argentine Peso|$
        CLP|Chilean Peso|$
        COP|Colombian Peso|$
        PEN|Sol|S/
        ISK|Iceland Krona|kr
        UAH|Hryvnia|₴
        MAD|Moroccan Dirham|MAD
        PKR|Pakistan Rupee|Rs
        BDT|Taka|৳
        """

    /// `label|weight`
    static let statusesText = """
        active|55
        pending|15
        inactive|12
        archived|6
        closed|5
        suspended|4
        draft|3
        """
}
