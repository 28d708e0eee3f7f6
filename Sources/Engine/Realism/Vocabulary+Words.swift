// Ordinary English words and sentence templates, written for this project.
// Single words only (templates capitalise them); verbs in their base form,
// transitive, so "must {verb} {a} {thing}" reads as a sentence.

extension Vocabulary {
    static let adjectivesText = """
        quiet
        bright
        ancient
        brave
        calm
        clever
        curious
        gentle
        golden
        hidden
        honest
        humble
        lonely
        lucky
        modern
        mysterious
        narrow
        noble
        patient
        proud
        quick
        rare
        restless
        rough
        rusty
        secret
        silent
        silver
        simple
        sleepy
        small
        smooth
        soft
        steady
        strange
        sudden
        sunny
        swift
        tall
        tender
        thoughtful
        tiny
        tired
        warm
        wild
        wise
        young
        busy
        careful
        cheerful
        cold
        crowded
        dark
        distant
        dusty
        eager
        empty
        faithful
        famous
        fierce
        fragile
        fresh
        friendly
        frozen
        generous
        giant
        graceful
        grand
        green
        hollow
        hopeful
        hungry
        icy
        kind
        lazy
        lively
        lost
        loud
        magic
        massive
        mighty
        misty
        muddy
        nervous
        new
        odd
        old
        open
        pale
        peaceful
        perfect
        playful
        polite
        polished
        private
        quirky
        rapid
        remote
        rich
        rocky
        royal
        rural
        sandy
        scarlet
        sharp
        shiny
        shy
        sincere
        slow
        snowy
        sparkling
        spicy
        stormy
        sturdy
        sweet
        tidy
        timid
        tropical
        urban
        vast
        velvet
        vivid
        wandering
        wealthy
        windy
        wooden
        worried
        epic
        charming
        awkward
        bold
        cozy
        crisp
        daring
        elegant
        forgotten
        haunted
        humorous
        intimate
        joyful
        legendary
        majestic
        melancholy
        moving
        nostalgic
        quaint
        radiant
        rugged
        serene
        tangled
        unlikely
        unusual
        vibrant
        weary
        fearless
        hasty
        clumsy
        """

    static let thingNounsText = """
        key
        map
        lantern
        letter
        book
        clock
        compass
        bicycle
        boat
        candle
        coin
        diary
        door
        drum
        engine
        feather
        flag
        guitar
        hammer
        hat
        helmet
        jar
        kettle
        kite
        ladder
        lamp
        locket
        machine
        medal
        mirror
        necklace
        notebook
        painting
        parcel
        pen
        photograph
        piano
        pillow
        ring
        rope
        sail
        scarf
        shell
        shovel
        spoon
        suitcase
        sword
        telescope
        ticket
        trophy
        trumpet
        umbrella
        violin
        wallet
        watch
        whistle
        basket
        blanket
        bottle
        box
        bucket
        button
        camera
        cart
        chair
        chest
        crown
        cup
        desk
        dress
        envelope
        fan
        globe
        glove
        harp
        jacket
        jewel
        knife
        mask
        menu
        needle
        net
        oar
        paddle
        pencil
        phone
        postcard
        puzzle
        quilt
        radio
        recipe
        ribbon
        robot
        saddle
        satchel
        scroll
        seed
        shoe
        sled
        spade
        stamp
        statue
        stone
        stove
        tablet
        teapot
        toolbox
        torch
        tractor
        tray
        trunk
        typewriter
        vase
        wagon
        wheel
        window
        wreath
        anchor
        apple
        banner
        barrel
        bell
        blueprint
        bowl
        brush
        cake
        canoe
        carpet
        coat
        cookie
        cradle
        dagger
        dice
        fiddle
        flute
        fossil
        gem
        hourglass
        kayak
        keychain
        lock
        magnet
        marble
        mitten
        mug
        necktie
        orchid
        pebble
        pie
        pot
        quill
        rocket
        rug
        sandwich
        sculpture
        sketch
        spindle
        tapestry
        thimble
        token
        trinket
        vest
        yacht
        bracelet
        briefcase
        cabinet
        chessboard
        """

    static let personNounsText = """
        teacher
        sailor
        farmer
        baker
        doctor
        nurse
        pilot
        painter
        poet
        writer
        musician
        singer
        dancer
        gardener
        carpenter
        fisherman
        astronaut
        detective
        explorer
        inventor
        librarian
        mechanic
        merchant
        miner
        monk
        photographer
        professor
        scientist
        shepherd
        soldier
        student
        tailor
        traveler
        waiter
        journalist
        architect
        engineer
        chef
        clown
        knight
        princess
        prince
        king
        queen
        pirate
        wizard
        hunter
        lawyer
        judge
        mayor
        neighbor
        stranger
        orphan
        widow
        grandmother
        grandfather
        cousin
        child
        girl
        boy
        woman
        man
        dentist
        pharmacist
        plumber
        firefighter
        ranger
        surgeon
        acrobat
        composer
        sculptor
        blacksmith
        beekeeper
        cartographer
        courier
        diplomat
        lifeguard
        locksmith
        magician
        historian
        """

    static let placeNounsText = """
        harbor
        village
        forest
        desert
        mountain
        valley
        river
        lake
        island
        castle
        cathedral
        library
        museum
        market
        station
        airport
        hospital
        school
        university
        factory
        farm
        garden
        park
        beach
        cave
        canyon
        meadow
        orchard
        bakery
        cafe
        theater
        stadium
        lighthouse
        warehouse
        workshop
        studio
        palace
        tower
        bridge
        tunnel
        port
        city
        town
        suburb
        neighborhood
        courtyard
        attic
        basement
        kitchen
        ballroom
        greenhouse
        vineyard
        monastery
        temple
        observatory
        laboratory
        shipyard
        carnival
        circus
        jungle
        swamp
        glacier
        volcano
        prairie
        ranch
        cottage
        mansion
        hotel
        inn
        tavern
        restaurant
        bookstore
        pharmacy
        bank
        embassy
        prison
        classroom
        courthouse
        gallery
        zoo
        aquarium
        arena
        plaza
        """

    static let verbsText = """
        find
        build
        repair
        protect
        deliver
        discover
        carry
        paint
        borrow
        sell
        hide
        rescue
        open
        guard
        chase
        follow
        return
        measure
        fix
        polish
        clean
        sort
        count
        collect
        recover
        unlock
        decode
        explore
        map
        sketch
        design
        plant
        harvest
        bake
        cook
        brew
        fold
        stitch
        weave
        carve
        lift
        move
        push
        pull
        trade
        share
        study
        translate
        record
        capture
        photograph
        frame
        restore
        replace
        upgrade
        test
        inspect
        examine
        review
        check
        compare
        balance
        pack
        unpack
        wrap
        ship
        load
        launch
        steer
        sail
        climb
        cross
        defend
        buy
        rent
        order
        prepare
        organize
        arrange
        assemble
        install
        adjust
        tune
        play
        write
        read
        draw
        print
        copy
        scan
        sign
        seal
        stamp
        mail
        send
        receive
        accept
        refuse
        answer
        solve
        forget
        remember
        imagine
        invent
        create
        destroy
        break
        bury
        dig
        search
        track
        locate
        identify
        label
        weigh
        fill
        empty
        heat
        cool
        freeze
        melt
        light
        wash
        dry
        mend
        sew
        knit
        decorate
        display
        present
        escort
        feed
        train
        catch
        release
        steal
        smuggle
        """

    static let timePhrasesText = """
        at dawn
        before sunrise
        by midnight
        on a rainy Tuesday
        during the winter
        every summer
        after the storm
        in early spring
        late in the autumn
        before lunch
        after dinner
        on Sunday afternoon
        at the end of the day
        before the holidays
        over the weekend
        in the middle of the night
        just before the deadline
        at the last minute
        during the festival
        on the first day of school
        before the train leaves
        under a full moon
        during a heatwave
        in the pouring rain
        before the snow melts
        """

    static let extraWordsText = """
        always
        never
        often
        quickly
        slowly
        together
        tomorrow
        yesterday
        today
        morning
        evening
        night
        season
        summer
        winter
        spring
        autumn
        weather
        rain
        snow
        wind
        storm
        cloud
        sun
        moon
        star
        sky
        ocean
        wave
        tree
        flower
        leaf
        grass
        fire
        water
        earth
        air
        shadow
        music
        story
        idea
        dream
        memory
        friend
        family
        journey
        promise
        question
        reason
        chance
        moment
        history
        future
        voice
        silence
        heart
        hope
        courage
        language
        number
        picture
        adventure
        breakfast
        holiday
        island
        kingdom
        letterbox
        lullaby
        meadowlark
        notebook
        paper
        pocket
        riddle
        river
        sunrise
        sunset
        thunder
        village
        whisper
        """

    /// One or two clauses about something; `{a}`/`{A}` is an article chosen to
    /// match the next word.
    static let descriptionTemplatesText = """
        {A} {adj} story about {a} {person} who must {verb} {a} {thing} in {a} {adj} {place}.
        {A} {adj} tale of {a} {person} and {a} {person} who must {verb} {a} {thing} {time}.
        {A} {adj} {thing} made for every {person} who likes to {verb} {a} {thing}.
        {A} {adj} portrait of {a} {person} trying to {verb} {a} {adj} {thing} {time}.
        Built for {a} {adj} {place}, this {thing} helps any {person} {verb} {a} {thing} with ease.
        When {a} {person} finds {a} {adj} {thing} near the {place}, everything changes.
        {A} {adj} journey from {a} {place} to {a} {place}, told by {a} {person}.
        Perfect for {a} {adj} {place}: {a} {thing} that is {adj} and {adj}.
        {A} {adj} drama where {a} {person} and {a} {person} must {verb} {a} {thing} {time}.
        An honest look at how {a} {person} learned to {verb} {a} {thing} in {city}.
        {A} {adj} guide for anyone who wants to {verb} {a} {thing} without leaving the {place}.
        Set in {city}, this {adj} story follows {a} {person} who must {verb} {a} {adj} {thing}.
        {A} {thing} so {adj} that even {a} {adj} {person} would {verb} it.
        Designed in {city} for {a} {adj} {place}, with {a} {adj} finish.
        Part mystery, part comedy: {a} {person} tries to {verb} {a} {thing} {time}.
        The {adj} {thing} every {person} needs for {a} {adj} {place}.
        Two friends, one {adj} {thing}, and {a} {place} they will never forget.
        After years in {city}, {a} {person} returns home to {verb} the family {thing}.
        {A} {adj} retelling of the old tale of {a} {person} and {a} {thing}.
        {A} {adj} documentary about {a} {person} who decides to {verb} {a} {thing} in {city}.
        {A} {adj}, {adj} {thing} for the {place}, ready for whatever comes next.
        {A} {adj} comedy about {a} {person}, {a} {thing} and {a} {adj} {place}.
        """

    /// Plain sentences for paragraphs.
    static let sentenceTemplatesText = """
        The {person} decided to {verb} the {thing} {time}.
        Nobody expected the {place} to feel so {adj}.
        Every morning, {name} walked past the {adj} {place} on the way to work.
        {Name} kept {a} {adj} {thing} on the shelf for years.
        It was {a} {adj} day in {city}, and the {place} was nearly empty.
        The {thing} on the table looked {adj} in the evening light.
        {A} {person} from {city} offered to {verb} the {thing} for free.
        We need to {verb} the {thing} before {day}.
        The {adj} {person} smiled and began to {verb} the {thing}.
        Somewhere near the {place}, {a} {person} was trying to {verb} {a} {thing}.
        {Name} said the {place} had never looked so {adj}.
        The old {thing} still works, though it is a little {adj}.
        By {day}, the whole {place} knew about the {adj} {thing}.
        It takes patience to {verb} {a} {thing} properly.
        The {place} was {adj}, {adj} and full of surprises.
        Later that evening, the {person} found {a} {adj} {thing} under the bench.
        There is always {a} {adj} {thing} waiting at the end of the {place}.
        The best way to {verb} {a} {thing} is to ask {a} {person}.
        {Name} and {name} tried to {verb} the {thing} {time}.
        Visitors to {city} often stop at the {adj} {place} near the river.
        {A} {adj} wind blew across the {place} {time}.
        Everyone agreed the {thing} was too {adj} to {verb}.
        The {person} wrote a long letter about the {adj} {place}.
        Nothing about the {thing} seemed {adj} at first.
        In {city}, even the {place} feels {adj} {time}.
        {Name} wanted to {verb} {a} {thing} before anyone noticed.
        The {adj} {thing} had belonged to {a} {person} from {city}.
        A small crowd gathered at the {place} to watch the {person} {verb} the {thing}.
        """

    /// Short remarks, the kind people type into a notes field.
    static let noteTemplatesText = """
        Please {verb} the {thing} before {day}.
        Customer asked about the {adj} {thing}.
        Follow up with {name} next week.
        Called twice, no answer.
        Left a message for {name} on {day}.
        Delivered to the front desk.
        Requested a quote for {n}{n} units.
        Prefers contact by email.
        Needs approval from the {person}.
        Waiting on the {thing} from {city}.
        Meeting moved to {day}.
        Reported a problem with the {thing}; ticket opened.
        Paid in full on {day}.
        Interested in the {adj} option.
        Ship with the next order.
        Long-time customer, handle with care.
        Address confirmed by phone.
        Returned the {thing}: too {adj}.
        Discussed renewal; decision expected by {day}.
        Do not {verb} the {thing} without checking with {name}.
        Gate code is {n}{n}{n}{n}.
        Happy with the service so far.
        Asked for a refund on {day}.
        Introduced by {name} at the {city} conference.
        Prefers morning deliveries.
        Reschedule if it rains on {day}.
        """

    /// Title-cased titles; capitalised slots give capitalised words.
    static let titleTemplatesText = """
        The {Adj} {Thing}
        The {Thing} of {City}
        {Adj} {Place}
        The {Person} and the {Thing}
        {A} {Thing} in the {Place}
        {Thing} of the {Adj} {Place}
        The Last {Person}
        Beyond the {Adj} {Place}
        Return to the {Place}
        The {Person}'s {Thing}
        {Adj} and {Adj}
        Letters from {City}
        Under the {Adj} {Thing}
        The {Adj} {Person}
        Nights in {City}
        Secrets of the {Place}
        {Name} and the {Adj} {Thing}
        {A} {Adj} {Person}
        Summer in {City}
        The {Place} at the End of the Road
        """

    static let weekdaysText = """
        Monday
        Tuesday
        Wednesday
        Thursday
        Friday
        Saturday
        Sunday
        """
}
