// Places, countries, streets and time zones, written for this project.
// Coordinates are city centres to about a kilometre; postal patterns use `#`
// for a digit and `?` for an uppercase letter, with the leading digits of the
// city's real range where it has one.

extension Vocabulary {
    /// `City|State|ST|Country|CC|postal pattern|latitude|longitude`
    static let placesText = """
        # United States
        New York|New York|NY|United States|US|100##|40.7128|-74.0060
        Los Angeles|California|CA|United States|US|900##|34.0522|-118.2437
        Chicago|Illinois|IL|United States|US|606##|41.8781|-87.6298
        Houston|Texas|TX|United States|US|770##|29.7604|-95.3698
        Phoenix|Arizona|AZ|United States|US|850##|33.4484|-112.0740
        Philadelphia|Pennsylvania|PA|United States|US|191##|39.9526|-75.1652
        San Antonio|Texas|TX|United States|US|782##|29.4241|-98.4936
        San Diego|California|CA|United States|US|921##|32.7157|-117.1611
        Dallas|Texas|TX|United States|US|752##|32.7767|-96.7970
        San Jose|California|CA|United States|US|951##|37.3382|-121.8863
        Austin|Texas|TX|United States|US|787##|30.2672|-97.7431
        Jacksonville|Florida|FL|United States|US|322##|30.3322|-81.6557
        Fort Worth|Texas|TX|United States|US|761##|32.7555|-97.3308
        Columbus|Ohio|OH|United States|US|432##|39.9612|-82.9988
        Charlotte|North Carolina|NC|United States|US|282##|35.2271|-80.8431
        San Francisco|California|CA|United States|US|941##|37.7749|-122.4194
        Indianapolis|Indiana|IN|United States|US|462##|39.7684|-86.1581
        Seattle|Washington|WA|United States|US|981##|47.6062|-122.3321
        Denver|Colorado|CO|United States|US|802##|39.7392|-104.9903
        Washington|District of Columbia|DC|United States|US|200##|38.9072|-77.0369
        Boston|Massachusetts|MA|United States|US|021##|42.3601|-71.0589
        El Paso|Texas|TX|United States|US|799##|31.7619|-106.4850
        Nashville|Tennessee|TN|United States|US|372##|36.1627|-86.7816
        Detroit|Michigan|MI|United States|US|482##|42.3314|-83.0458
        Oklahoma City|Oklahoma|OK|United States|US|731##|35.4676|-97.5164
        Portland|Oregon|OR|United States|US|972##|45.5152|-122.6784
        Las Vegas|Nevada|NV|United States|US|891##|36.1699|-115.1398
        Memphis|Tennessee|TN|United States|US|381##|35.1495|-90.0490
        Louisville|Kentucky|KY|United States|US|402##|38.2527|-85.7585
        Baltimore|Maryland|MD|United States|US|212##|39.2904|-76.6122
        Milwaukee|Wisconsin|WI|United States|US|532##|43.0389|-87.9065
        Albuquerque|New Mexico|NM|United States|US|871##|35.0844|-106.6504
        Tucson|Arizona|AZ|United States|US|857##|32.2226|-110.9747
        Fresno|California|CA|United States|US|937##|36.7378|-119.7871
        Sacramento|California|CA|United States|US|958##|38.5816|-121.4944
        Kansas City|Missouri|MO|United States|US|641##|39.0997|-94.5786
        Mesa|Arizona|AZ|United States|US|852##|33.4152|-111.8315
        Atlanta|Georgia|GA|United States|US|303##|33.7490|-84.3880
        Omaha|Nebraska|NE|United States|US|681##|41.2565|-95.9345
        Colorado Springs|Colorado|CO|United States|US|809##|38.8339|-104.8214
        Raleigh|North Carolina|NC|United States|US|276##|35.7796|-78.6382
        Miami|Florida|FL|United States|US|331##|25.7617|-80.1918
        Long Beach|California|CA|United States|US|908##|33.7701|-118.1937
        Virginia Beach|Virginia|VA|United States|US|234##|36.8529|-75.9780
        Oakland|California|CA|United States|US|946##|37.8044|-122.2712
        Minneapolis|Minnesota|MN|United States|US|554##|44.9778|-93.2650
        Tulsa|Oklahoma|OK|United States|US|741##|36.1540|-95.9928
        Tampa|Florida|FL|United States|US|336##|27.9506|-82.4572
        Arlington|Texas|TX|United States|US|760##|32.7357|-97.1081
        New Orleans|Louisiana|LA|United States|US|701##|29.9511|-90.0715
        Wichita|Kansas|KS|United States|US|672##|37.6872|-97.3301
        Cleveland|Ohio|OH|United States|US|441##|41.4993|-81.6944
        Bakersfield|California|CA|United States|US|933##|35.3733|-119.0187
        Aurora|Colorado|CO|United States|US|800##|39.7294|-104.8319
        Anaheim|California|CA|United States|US|928##|33.8366|-117.9143
        Honolulu|Hawaii|HI|United States|US|968##|21.3069|-157.8583
        Pittsburgh|Pennsylvania|PA|United States|US|152##|40.4406|-79.9959
        Cincinnati|Ohio|OH|United States|US|452##|39.1031|-84.5120
        St. Louis|Missouri|MO|United States|US|631##|38.6270|-90.1994
        Orlando|Florida|FL|United States|US|328##|28.5383|-81.3792
        Salt Lake City|Utah|UT|United States|US|841##|40.7608|-111.8910
        Anchorage|Alaska|AK|United States|US|995##|61.2181|-149.9003
        Boise|Idaho|ID|United States|US|837##|43.6150|-116.2023
        Richmond|Virginia|VA|United States|US|232##|37.5407|-77.4360
        Madison|Wisconsin|WI|United States|US|537##|43.0731|-89.4012
        Des Moines|Iowa|IA|United States|US|503##|41.5868|-93.6250
        Burlington|Vermont|VT|United States|US|054##|44.4759|-73.2121
        Portland|Maine|ME|United States|US|041##|43.6591|-70.2568
        Providence|Rhode Island|RI|United States|US|029##|41.8240|-71.4128
        Hartford|Connecticut|CT|United States|US|061##|41.7658|-72.6734
        Newark|New Jersey|NJ|United States|US|071##|40.7357|-74.1724
        Birmingham|Alabama|AL|United States|US|352##|33.5186|-86.8104
        Little Rock|Arkansas|AR|United States|US|722##|34.7465|-92.2896
        Jackson|Mississippi|MS|United States|US|392##|32.2988|-90.1848
        Charleston|South Carolina|SC|United States|US|294##|32.7765|-79.9311
        Savannah|Georgia|GA|United States|US|314##|32.0809|-81.0912
        Spokane|Washington|WA|United States|US|992##|47.6588|-117.4260
        Reno|Nevada|NV|United States|US|895##|39.5296|-119.8138
        Santa Fe|New Mexico|NM|United States|US|875##|35.6870|-105.9378
        Cheyenne|Wyoming|WY|United States|US|820##|41.1400|-104.8202
        Billings|Montana|MT|United States|US|591##|45.7833|-108.5007
        Fargo|North Dakota|ND|United States|US|581##|46.8772|-96.7898
        Sioux Falls|South Dakota|SD|United States|US|571##|43.5446|-96.7311
        Lincoln|Nebraska|NE|United States|US|685##|40.8136|-96.7026
        Manchester|New Hampshire|NH|United States|US|031##|42.9956|-71.4548
        Wilmington|Delaware|DE|United States|US|198##|39.7391|-75.5398
        Charleston|West Virginia|WV|United States|US|253##|38.3498|-81.6326
        Buffalo|New York|NY|United States|US|142##|42.8864|-78.8784
        Rochester|New York|NY|United States|US|146##|43.1566|-77.6088
        Ann Arbor|Michigan|MI|United States|US|481##|42.2808|-83.7430
        Grand Rapids|Michigan|MI|United States|US|495##|42.9634|-85.6681
        Knoxville|Tennessee|TN|United States|US|379##|35.9606|-83.9207
        Lexington|Kentucky|KY|United States|US|405##|38.0406|-84.5037
        Baton Rouge|Louisiana|LA|United States|US|708##|30.4515|-91.1871
        Tallahassee|Florida|FL|United States|US|323##|30.4383|-84.2807
        Durham|North Carolina|NC|United States|US|277##|35.9940|-78.8986
        Eugene|Oregon|OR|United States|US|974##|44.0521|-123.0868
        Santa Barbara|California|CA|United States|US|931##|34.4208|-119.6982
        Pasadena|California|CA|United States|US|911##|34.1478|-118.1445
        Boulder|Colorado|CO|United States|US|803##|40.0150|-105.2705
        # Canada
        Toronto|Ontario|ON|Canada|CA|M#? #?#|43.6532|-79.3832
        Montréal|Quebec|QC|Canada|CA|H#? #?#|45.5017|-73.5673
        Vancouver|British Columbia|BC|Canada|CA|V#? #?#|49.2827|-123.1207
        Calgary|Alberta|AB|Canada|CA|T#? #?#|51.0447|-114.0719
        Edmonton|Alberta|AB|Canada|CA|T#? #?#|53.5461|-113.4938
        Ottawa|Ontario|ON|Canada|CA|K#? #?#|45.4215|-75.6972
        Winnipeg|Manitoba|MB|Canada|CA|R#? #?#|49.8951|-97.1384
        Québec|Quebec|QC|Canada|CA|G#? #?#|46.8139|-71.2080
        Halifax|Nova Scotia|NS|Canada|CA|B#? #?#|44.6488|-63.5752
        Victoria|British Columbia|BC|Canada|CA|V#? #?#|48.4284|-123.3656
        Saskatoon|Saskatchewan|SK|Canada|CA|S#? #?#|52.1332|-106.6700
        Regina|Saskatchewan|SK|Canada|CA|S#? #?#|50.4452|-104.6189
        Hamilton|Ontario|ON|Canada|CA|L#? #?#|43.2557|-79.8711
        St. John's|Newfoundland and Labrador|NL|Canada|CA|A#? #?#|47.5615|-52.7126
        # Mexico, Central America and the Caribbean
        Ciudad de México|Ciudad de México|CMX|Mexico|MX|0####|19.4326|-99.1332
        Guadalajara|Jalisco|JAL|Mexico|MX|44###|20.6597|-103.3496
        Monterrey|Nuevo León|NLE|Mexico|MX|64###|25.6866|-100.3161
        Puebla|Puebla|PUE|Mexico|MX|72###|19.0414|-98.2063
        Tijuana|Baja California|BCN|Mexico|MX|22###|32.5149|-117.0382
        Mérida|Yucatán|YUC|Mexico|MX|97###|20.9674|-89.5926
        Cancún|Quintana Roo|ROO|Mexico|MX|77###|21.1619|-86.8515
        Oaxaca|Oaxaca|OAX|Mexico|MX|68###|17.0732|-96.7266
        San José|San José|SJ|Costa Rica|CR|10###|9.9281|-84.0907
        Guatemala City|Guatemala|GU|Guatemala|GT|01###|14.6349|-90.5069
        Santo Domingo|Distrito Nacional|DN|Dominican Republic|DO|10###|18.4861|-69.9312
        # United Kingdom and Ireland
        London|England|ENG|United Kingdom|GB|SW# #??|51.5074|-0.1278
        London|England|ENG|United Kingdom|GB|N# #??|51.5380|-0.0990
        Manchester|England|ENG|United Kingdom|GB|M# #??|53.4808|-2.2426
        Birmingham|England|ENG|United Kingdom|GB|B# #??|52.4862|-1.8904
        Leeds|England|ENG|United Kingdom|GB|LS# #??|53.8008|-1.5491
        Liverpool|England|ENG|United Kingdom|GB|L# #??|53.4084|-2.9916
        Bristol|England|ENG|United Kingdom|GB|BS# #??|51.4545|-2.5879
        Sheffield|England|ENG|United Kingdom|GB|S# #??|53.3811|-1.4701
        Newcastle upon Tyne|England|ENG|United Kingdom|GB|NE# #??|54.9783|-1.6178
        Nottingham|England|ENG|United Kingdom|GB|NG# #??|52.9548|-1.1581
        Oxford|England|ENG|United Kingdom|GB|OX# #??|51.7520|-1.2577
        Cambridge|England|ENG|United Kingdom|GB|CB# #??|52.2053|0.1218
        Brighton|England|ENG|United Kingdom|GB|BN# #??|50.8225|-0.1372
        Edinburgh|Scotland|SCT|United Kingdom|GB|EH# #??|55.9533|-3.1883
        Glasgow|Scotland|SCT|United Kingdom|GB|G# #??|55.8642|-4.2518
        Aberdeen|Scotland|SCT|United Kingdom|GB|AB1# #??|57.1497|-2.0943
        Cardiff|Wales|WLS|United Kingdom|GB|CF1# #??|51.4816|-3.1791
        Swansea|Wales|WLS|United Kingdom|GB|SA# #??|51.6214|-3.9436
        Belfast|Northern Ireland|NIR|United Kingdom|GB|BT# #??|54.5973|-5.9301
        Dublin|Leinster|L|Ireland|IE|D0# ?#?#|53.3498|-6.2603
        Cork|Munster|M|Ireland|IE|T12 ?#?#|51.8985|-8.4756
        Galway|Connacht|C|Ireland|IE|H91 ?#?#|53.2707|-9.0568
        Limerick|Munster|M|Ireland|IE|V94 ?#?#|52.6638|-8.6267
        # German-speaking countries
        Berlin|Berlin|BE|Germany|DE|1####|52.5200|13.4050
        Hamburg|Hamburg|HH|Germany|DE|2####|53.5511|9.9937
        München|Bayern|BY|Germany|DE|8####|48.1351|11.5820
        Köln|Nordrhein-Westfalen|NW|Germany|DE|5####|50.9375|6.9603
        Frankfurt am Main|Hessen|HE|Germany|DE|60###|50.1109|8.6821
        Stuttgart|Baden-Württemberg|BW|Germany|DE|70###|48.7758|9.1829
        Düsseldorf|Nordrhein-Westfalen|NW|Germany|DE|40###|51.2277|6.7735
        Leipzig|Sachsen|SN|Germany|DE|04###|51.3397|12.3731
        Dresden|Sachsen|SN|Germany|DE|01###|51.0504|13.7373
        Hannover|Niedersachsen|NI|Germany|DE|30###|52.3759|9.7320
        Nürnberg|Bayern|BY|Germany|DE|90###|49.4521|11.0767
        Bremen|Bremen|HB|Germany|DE|28###|53.0793|8.8017
        Dortmund|Nordrhein-Westfalen|NW|Germany|DE|44###|51.5136|7.4653
        Essen|Nordrhein-Westfalen|NW|Germany|DE|45###|51.4556|7.0116
        Freiburg im Breisgau|Baden-Württemberg|BW|Germany|DE|79###|47.9990|7.8421
        Heidelberg|Baden-Württemberg|BW|Germany|DE|69###|49.3988|8.6724
        Mainz|Rheinland-Pfalz|RP|Germany|DE|55###|49.9929|8.2473
        Kiel|Schleswig-Holstein|SH|Germany|DE|24###|54.3233|10.1228
        Wien|Wien|W|Austria|AT|1###|48.2082|16.3738
        Graz|Steiermark|ST|Austria|AT|80##|47.0707|15.4395
        Linz|Oberösterreich|OOE|Austria|AT|40##|48.3069|14.2858
        Salzburg|Salzburg|SBG|Austria|AT|50##|47.8095|13.0550
        Innsbruck|Tirol|T|Austria|AT|60##|47.2692|11.4041
        Zürich|Zürich|ZH|Switzerland|CH|80##|47.3769|8.5417
        Genève|Genève|GE|Switzerland|CH|12##|46.2044|6.1432
        Basel|Basel-Stadt|BS|Switzerland|CH|40##|47.5596|7.5886
        Bern|Bern|BE|Switzerland|CH|30##|46.9480|7.4474
        Lausanne|Vaud|VD|Switzerland|CH|10##|46.5197|6.6323
        Lugano|Ticino|TI|Switzerland|CH|69##|46.0037|8.9511
        # France, Benelux
        Paris|Île-de-France|IDF|France|FR|750##|48.8566|2.3522
        Marseille|Provence-Alpes-Côte d'Azur|PAC|France|FR|130##|43.2965|5.3698
        Lyon|Auvergne-Rhône-Alpes|ARA|France|FR|690##|45.7640|4.8357
        Toulouse|Occitanie|OCC|France|FR|310##|43.6047|1.4442
        Nice|Provence-Alpes-Côte d'Azur|PAC|France|FR|060##|43.7102|7.2620
        Nantes|Pays de la Loire|PDL|France|FR|440##|47.2184|-1.5536
        Strasbourg|Grand Est|GES|France|FR|670##|48.5734|7.7521
        Montpellier|Occitanie|OCC|France|FR|340##|43.6108|3.8767
        Bordeaux|Nouvelle-Aquitaine|NAQ|France|FR|330##|44.8378|-0.5792
        Lille|Hauts-de-France|HDF|France|FR|590##|50.6292|3.0573
        Rennes|Bretagne|BRE|France|FR|350##|48.1173|-1.6778
        Reims|Grand Est|GES|France|FR|511##|49.2583|4.0317
        Grenoble|Auvergne-Rhône-Alpes|ARA|France|FR|380##|45.1885|5.7245
        Dijon|Bourgogne-Franche-Comté|BFC|France|FR|210##|47.3220|5.0415
        Bruxelles|Bruxelles-Capitale|BRU|Belgium|BE|10##|50.8503|4.3517
        Antwerpen|Vlaanderen|VLG|Belgium|BE|20##|51.2194|4.4025
        Gent|Vlaanderen|VLG|Belgium|BE|90##|51.0543|3.7174
        Liège|Wallonie|WAL|Belgium|BE|40##|50.6326|5.5797
        Brugge|Vlaanderen|VLG|Belgium|BE|80##|51.2093|3.2247
        Amsterdam|Noord-Holland|NH|Netherlands|NL|10## ??|52.3676|4.9041
        Rotterdam|Zuid-Holland|ZH|Netherlands|NL|30## ??|51.9244|4.4777
        Den Haag|Zuid-Holland|ZH|Netherlands|NL|25## ??|52.0705|4.3007
        Utrecht|Utrecht|UT|Netherlands|NL|35## ??|52.0907|5.1214
        Eindhoven|Noord-Brabant|NB|Netherlands|NL|56## ??|51.4416|5.4697
        Groningen|Groningen|GR|Netherlands|NL|97## ??|53.2194|6.5665
        Luxembourg|Luxembourg|L|Luxembourg|LU|L-1###|49.6116|6.1319
        # Southern Europe
        Madrid|Comunidad de Madrid|MD|Spain|ES|280##|40.4168|-3.7038
        Barcelona|Cataluña|CT|Spain|ES|080##|41.3874|2.1686
        Valencia|Comunidad Valenciana|VC|Spain|ES|460##|39.4699|-0.3763
        Sevilla|Andalucía|AN|Spain|ES|410##|37.3891|-5.9845
        Zaragoza|Aragón|AR|Spain|ES|500##|41.6488|-0.8891
        Málaga|Andalucía|AN|Spain|ES|290##|36.7213|-4.4214
        Bilbao|País Vasco|PV|Spain|ES|480##|43.2630|-2.9350
        Palma|Islas Baleares|IB|Spain|ES|070##|39.5696|2.6502
        Granada|Andalucía|AN|Spain|ES|180##|37.1773|-3.5986
        Valladolid|Castilla y León|CL|Spain|ES|470##|41.6523|-4.7245
        Lisboa|Lisboa|LI|Portugal|PT|1###-###|38.7223|-9.1393
        Porto|Porto|PO|Portugal|PT|4###-###|41.1579|-8.6291
        Braga|Braga|BR|Portugal|PT|47##-###|41.5454|-8.4265
        Coimbra|Coimbra|CO|Portugal|PT|30##-###|40.2033|-8.4103
        Faro|Faro|FA|Portugal|PT|80##-###|37.0194|-7.9322
        Roma|Lazio|LAZ|Italy|IT|001##|41.9028|12.4964
        Milano|Lombardia|LOM|Italy|IT|201##|45.4642|9.1900
        Napoli|Campania|CAM|Italy|IT|801##|40.8518|14.2681
        Torino|Piemonte|PIE|Italy|IT|101##|45.0703|7.6869
        Palermo|Sicilia|SIC|Italy|IT|901##|38.1157|13.3615
        Genova|Liguria|LIG|Italy|IT|161##|44.4056|8.9463
        Bologna|Emilia-Romagna|EMR|Italy|IT|401##|44.4949|11.3426
        Firenze|Toscana|TOS|Italy|IT|501##|43.7696|11.2558
        Venezia|Veneto|VEN|Italy|IT|301##|45.4408|12.3155
        Verona|Veneto|VEN|Italy|IT|371##|45.4384|10.9916
        Bari|Puglia|PUG|Italy|IT|701##|41.1171|16.8719
        Athens|Attica|I|Greece|GR|1## ##|37.9838|23.7275
        Thessaloniki|Central Macedonia|B|Greece|GR|5## ##|40.6401|22.9444
        Zagreb|Grad Zagreb|ZG|Croatia|HR|10###|45.8150|15.9819
        Split|Splitsko-dalmatinska|ST|Croatia|HR|21###|43.5081|16.4402
        Beograd|Beograd|BG|Serbia|RS|11###|44.7866|20.4489
        Ljubljana|Osrednjeslovenska|LJ|Slovenia|SI|1###|46.0569|14.5058
        Sofia|Sofia City|SF|Bulgaria|BG|1###|42.6977|23.3219
        # Northern Europe
        Stockholm|Stockholms län|AB|Sweden|SE|1## ##|59.3293|18.0686
        Göteborg|Västra Götalands län|O|Sweden|SE|4## ##|57.7089|11.9746
        Malmö|Skåne län|M|Sweden|SE|2## ##|55.6050|13.0038
        Uppsala|Uppsala län|C|Sweden|SE|75# ##|59.8586|17.6389
        Oslo|Oslo|OS|Norway|NO|0###|59.9139|10.7522
        Bergen|Vestland|VL|Norway|NO|5###|60.3913|5.3221
        Trondheim|Trøndelag|TL|Norway|NO|7###|63.4305|10.3951
        København|Hovedstaden|HS|Denmark|DK|1###|55.6761|12.5683
        Aarhus|Midtjylland|MJ|Denmark|DK|8###|56.1629|10.2039
        Odense|Syddanmark|SD|Denmark|DK|5###|55.4038|10.4024
        Helsinki|Uusimaa|UU|Finland|FI|00###|60.1699|24.9384
        Tampere|Pirkanmaa|PI|Finland|FI|33###|61.4978|23.7610
        Turku|Varsinais-Suomi|VS|Finland|FI|20###|60.4518|22.2666
        Reykjavík|Höfuðborgarsvæðið|HB|Iceland|IS|1##|64.1466|-21.9426
        Tallinn|Harjumaa|HA|Estonia|EE|1####|59.4370|24.7536
        Rīga|Rīga|RIX|Latvia|LV|LV-10##|56.9496|24.1052
        Vilnius|Vilniaus apskritis|VL|Lithuania|LT|LT-#####|54.6872|25.2797
        # Central and Eastern Europe
        Warszawa|Mazowieckie|MZ|Poland|PL|0#-###|52.2297|21.0122
        Kraków|Małopolskie|MA|Poland|PL|3#-###|50.0647|19.9450
        Wrocław|Dolnośląskie|DS|Poland|PL|5#-###|51.1079|17.0385
        Gdańsk|Pomorskie|PM|Poland|PL|80-###|54.3520|18.6466
        Poznań|Wielkopolskie|WP|Poland|PL|6#-###|52.4064|16.9252
        Łódź|Łódzkie|LD|Poland|PL|9#-###|51.7592|19.4560
        Praha|Praha|PR|Czechia|CZ|1## ##|50.0755|14.4378
        Brno|Jihomoravský kraj|JM|Czechia|CZ|6## ##|49.1951|16.6068
        Budapest|Budapest|BU|Hungary|HU|1###|47.4979|19.0402
        Debrecen|Hajdú-Bihar|HB|Hungary|HU|40##|47.5316|21.6273
        București|București|B|Romania|RO|0#####|44.4268|26.1025
        Cluj-Napoca|Cluj|CJ|Romania|RO|400###|46.7712|23.6236
        Kyiv|Kyiv City|KC|Ukraine|UA|0####|50.4501|30.5234
        Lviv|Lviv Oblast|LV|Ukraine|UA|79###|49.8397|24.0297
        Moscow|Moscow|MOW|Russia|RU|1#####|55.7558|37.6173
        Saint Petersburg|Saint Petersburg|SPE|Russia|RU|19####|59.9311|30.3609
        Novosibirsk|Novosibirsk Oblast|NVS|Russia|RU|630###|55.0084|82.9357
        # Middle East and Africa
        İstanbul|İstanbul|34|Turkey|TR|34###|41.0082|28.9784
        Ankara|Ankara|06|Turkey|TR|06###|39.9334|32.8597
        İzmir|İzmir|35|Turkey|TR|35###|38.4237|27.1428
        Tel Aviv-Yafo|Tel Aviv|TA|Israel|IL|6######|32.0853|34.7818
        Jerusalem|Jerusalem|JM|Israel|IL|9######|31.7683|35.2137
        Dubai|Dubai|DU|United Arab Emirates|AE|00000|25.2048|55.2708
        Riyadh|Riyadh|RD|Saudi Arabia|SA|1####|24.7136|46.6753
        Cairo|Cairo|C|Egypt|EG|11###|30.0444|31.2357
        Alexandria|Alexandria|ALX|Egypt|EG|21###|31.2001|29.9187
        Casablanca|Casablanca-Settat|CS|Morocco|MA|20###|33.5731|-7.5898
        Marrakech|Marrakech-Safi|MS|Morocco|MA|40###|31.6295|-7.9811
        Lagos|Lagos|LA|Nigeria|NG|1#####|6.5244|3.3792
        Abuja|Federal Capital Territory|FC|Nigeria|NG|900###|9.0765|7.3986
        Nairobi|Nairobi|NBO|Kenya|KE|00###|-1.2921|36.8219
        Mombasa|Mombasa|MSA|Kenya|KE|80###|-4.0435|39.6682
        Johannesburg|Gauteng|GP|South Africa|ZA|2###|-26.2041|28.0473
        Cape Town|Western Cape|WC|South Africa|ZA|8###|-33.9249|18.4241
        Durban|KwaZulu-Natal|KZN|South Africa|ZA|4###|-29.8587|31.0218
        Pretoria|Gauteng|GP|South Africa|ZA|0###|-25.7479|28.2293
        Accra|Greater Accra|AA|Ghana|GH|GA-###-####|5.6037|-0.1870
        Addis Ababa|Addis Ababa|AA|Ethiopia|ET|1###|9.0320|38.7469
        Dakar|Dakar|DK|Senegal|SN|1####|14.7167|-17.4677
        # South Asia
        Mumbai|Maharashtra|MH|India|IN|400###|19.0760|72.8777
        Delhi|Delhi|DL|India|IN|110###|28.7041|77.1025
        Bengaluru|Karnataka|KA|India|IN|560###|12.9716|77.5946
        Hyderabad|Telangana|TG|India|IN|500###|17.3850|78.4867
        Chennai|Tamil Nadu|TN|India|IN|600###|13.0827|80.2707
        Kolkata|West Bengal|WB|India|IN|700###|22.5726|88.3639
        Pune|Maharashtra|MH|India|IN|411###|18.5204|73.8567
        Ahmedabad|Gujarat|GJ|India|IN|380###|23.0225|72.5714
        Jaipur|Rajasthan|RJ|India|IN|302###|26.9124|75.7873
        Lucknow|Uttar Pradesh|UP|India|IN|226###|26.8467|80.9462
        Kochi|Kerala|KL|India|IN|682###|9.9312|76.2673
        Chandigarh|Chandigarh|CH|India|IN|160###|30.7333|76.7794
        Karachi|Sindh|SD|Pakistan|PK|74###|24.8607|67.0011
        Lahore|Punjab|PB|Pakistan|PK|54###|31.5204|74.3587
        Islamabad|Islamabad Capital Territory|IS|Pakistan|PK|44###|33.6844|73.0479
        Dhaka|Dhaka Division|DH|Bangladesh|BD|12##|23.8103|90.4125
        Chattogram|Chattogram Division|CT|Bangladesh|BD|4###|22.3569|91.7832
        Colombo|Western Province|WP|Sri Lanka|LK|00###|6.9271|79.8612
        Kathmandu|Bagmati|BA|Nepal|NP|446##|27.7172|85.3240
        # East Asia
        Beijing|Beijing|BJ|China|CN|100###|39.9042|116.4074
        Shanghai|Shanghai|SH|China|CN|200###|31.2304|121.4737
        Guangzhou|Guangdong|GD|China|CN|510###|23.1291|113.2644
        Shenzhen|Guangdong|GD|China|CN|518###|22.5431|114.0579
        Chengdu|Sichuan|SC|China|CN|610###|30.5728|104.0668
        Hangzhou|Zhejiang|ZJ|China|CN|310###|30.2741|120.1551
        Wuhan|Hubei|HB|China|CN|430###|30.5928|114.3055
        Xi'an|Shaanxi|SN|China|CN|710###|34.3416|108.9398
        Nanjing|Jiangsu|JS|China|CN|210###|32.0603|118.7969
        Chongqing|Chongqing|CQ|China|CN|400###|29.5630|106.5516
        Taipei|Taipei City|TPE|Taiwan|TW|1##|25.0330|121.5654
        Kaohsiung|Kaohsiung City|KHH|Taiwan|TW|8##|22.6273|120.3014
        Tokyo|Tokyo|13|Japan|JP|1##-####|35.6762|139.6503
        Osaka|Osaka|27|Japan|JP|5##-####|34.6937|135.5023
        Yokohama|Kanagawa|14|Japan|JP|2##-####|35.4437|139.6380
        Nagoya|Aichi|23|Japan|JP|4##-####|35.1815|136.9066
        Sapporo|Hokkaido|01|Japan|JP|06#-####|43.0618|141.3545
        Fukuoka|Fukuoka|40|Japan|JP|81#-####|33.5904|130.4017
        Kyoto|Kyoto|26|Japan|JP|60#-####|35.0116|135.7681
        Kobe|Hyogo|28|Japan|JP|65#-####|34.6901|135.1956
        Sendai|Miyagi|04|Japan|JP|98#-####|38.2682|140.8694
        Hiroshima|Hiroshima|34|Japan|JP|73#-####|34.3853|132.4553
        Seoul|Seoul|11|South Korea|KR|0####|37.5665|126.9780
        Busan|Busan|26|South Korea|KR|4####|35.1796|129.0756
        Incheon|Incheon|28|South Korea|KR|2####|37.4563|126.7052
        Daegu|Daegu|27|South Korea|KR|4####|35.8714|128.6014
        # Southeast Asia and Oceania
        Singapore|Singapore|SG|Singapore|SG|######|1.3521|103.8198
        Kuala Lumpur|Wilayah Persekutuan|KUL|Malaysia|MY|5####|3.1390|101.6869
        George Town|Pulau Pinang|PNG|Malaysia|MY|10###|5.4141|100.3288
        Bangkok|Bangkok|BKK|Thailand|TH|10###|13.7563|100.5018
        Chiang Mai|Chiang Mai|CMI|Thailand|TH|50###|18.7883|98.9853
        Jakarta|DKI Jakarta|JK|Indonesia|ID|1####|-6.2088|106.8456
        Surabaya|Jawa Timur|JI|Indonesia|ID|60###|-7.2575|112.7521
        Bandung|Jawa Barat|JB|Indonesia|ID|40###|-6.9175|107.6191
        Manila|Metro Manila|NCR|Philippines|PH|10##|14.5995|120.9842
        Cebu City|Cebu|CEB|Philippines|PH|60##|10.3157|123.8854
        Ho Chi Minh City|Ho Chi Minh City|SG|Vietnam|VN|70####|10.8231|106.6297
        Hanoi|Hanoi|HN|Vietnam|VN|10####|21.0278|105.8342
        Da Nang|Da Nang|DN|Vietnam|VN|55####|16.0544|108.2022
        Sydney|New South Wales|NSW|Australia|AU|2###|-33.8688|151.2093
        Melbourne|Victoria|VIC|Australia|AU|3###|-37.8136|144.9631
        Brisbane|Queensland|QLD|Australia|AU|4###|-27.4698|153.0251
        Perth|Western Australia|WA|Australia|AU|6###|-31.9505|115.8605
        Adelaide|South Australia|SA|Australia|AU|5###|-34.9285|138.6007
        Hobart|Tasmania|TAS|Australia|AU|7###|-42.8821|147.3272
        Canberra|Australian Capital Territory|ACT|Australia|AU|26##|-35.2809|149.1300
        Darwin|Northern Territory|NT|Australia|AU|08##|-12.4634|130.8456
        Gold Coast|Queensland|QLD|Australia|AU|42##|-28.0167|153.4000
        Auckland|Auckland|AUK|New Zealand|NZ|10##|-36.8485|174.7633
        Wellington|Wellington|WGN|New Zealand|NZ|60##|-41.2865|174.7762
        Christchurch|Canterbury|CAN|New Zealand|NZ|80##|-43.5321|172.6362
        # South America
        São Paulo|São Paulo|SP|Brazil|BR|0####-###|-23.5505|-46.6333
        Rio de Janeiro|Rio de Janeiro|RJ|Brazil|BR|2####-###|-22.9068|-43.1729
        Brasília|Distrito Federal|DF|Brazil|BR|70###-###|-15.7939|-47.8828
        Salvador|Bahia|BA|Brazil|BR|4####-###|-12.9777|-38.5016
        Belo Horizonte|Minas Gerais|MG|Brazil|BR|3####-###|-19.9167|-43.9345
        Fortaleza|Ceará|CE|Brazil|BR|60###-###|-3.7319|-38.5267
        Curitiba|Paraná|PR|Brazil|BR|8####-###|-25.4284|-49.2733
        Porto Alegre|Rio Grande do Sul|RS|Brazil|BR|9####-###|-30.0346|-51.2177
        Recife|Pernambuco|PE|Brazil|BR|5####-###|-8.0476|-34.8770
        Manaus|Amazonas|AM|Brazil|BR|69###-###|-3.1190|-60.0217
        Buenos Aires|Ciudad Autónoma de Buenos Aires|C|Argentina|AR|C14##???|-34.6037|-58.3816
        Córdoba|Córdoba|X|Argentina|AR|X50##???|-31.4201|-64.1888
        Rosario|Santa Fe|S|Argentina|AR|S20##???|-32.9442|-60.6505
        Mendoza|Mendoza|M|Argentina|AR|M55##???|-32.8895|-68.8458
        Santiago|Región Metropolitana|RM|Chile|CL|#######|-33.4489|-70.6693
        Valparaíso|Valparaíso|VS|Chile|CL|23#####|-33.0472|-71.6127
        Bogotá|Bogotá D.C.|DC|Colombia|CO|11####|4.7110|-74.0721
        Medellín|Antioquia|ANT|Colombia|CO|050###|6.2442|-75.5812
        Cali|Valle del Cauca|VAC|Colombia|CO|760###|3.4516|-76.5320
        Lima|Lima|LIM|Peru|PE|150##|-12.0464|-77.0428
        Arequipa|Arequipa|ARE|Peru|PE|04###|-16.4090|-71.5375
        Quito|Pichincha|P|Ecuador|EC|170###|-0.1807|-78.4678
        Montevideo|Montevideo|MO|Uruguay|UY|11###|-34.9011|-56.1645
        Caracas|Distrito Capital|DC|Venezuela|VE|10##|10.4806|-66.9036
        """

    /// `Name|CC|CCC|currency|dial code`
    static let countriesText = """
        United States|US|USA|USD|1
        Canada|CA|CAN|CAD|1
        Mexico|MX|MEX|MXN|52
        Costa Rica|CR|CRI|CRC|506
        Guatemala|GT|GTM|GTQ|502
        Dominican Republic|DO|DOM|DOP|1
        United Kingdom|GB|GBR|GBP|44
        Ireland|IE|IRL|EUR|353
        Germany|DE|DEU|EUR|49
        Austria|AT|AUT|EUR|43
        Switzerland|CH|CHE|CHF|41
        France|FR|FRA|EUR|33
        Belgium|BE|BEL|EUR|32
        Netherlands|NL|NLD|EUR|31
        Luxembourg|LU|LUX|EUR|352
        Spain|ES|ESP|EUR|34
        Portugal|PT|PRT|EUR|351
        Italy|IT|ITA|EUR|39
        Greece|GR|GRC|EUR|30
        Croatia|HR|HRV|EUR|385
        Serbia|RS|SRB|RSD|381
        Slovenia|SI|SVN|EUR|386
        Bulgaria|BG|BGR|BGN|359
        Sweden|SE|SWE|SEK|46
        Norway|NO|NOR|NOK|47
        Denmark|DK|DNK|DKK|45
        Finland|FI|FIN|EUR|358
        Iceland|IS|ISL|ISK|354
        Estonia|EE|EST|EUR|372
        Latvia|LV|LVA|EUR|371
        Lithuania|LT|LTU|EUR|370
        Poland|PL|POL|PLN|48
        Czechia|CZ|CZE|CZK|420
        Hungary|HU|HUN|HUF|36
        Romania|RO|ROU|RON|40
        Ukraine|UA|UKR|UAH|380
        Russia|RU|RUS|RUB|7
        Turkey|TR|TUR|TRY|90
        Israel|IL|ISR|ILS|972
        United Arab Emirates|AE|ARE|AED|971
        Saudi Arabia|SA|SAU|SAR|966
        Egypt|EG|EGY|EGP|20
        Morocco|MA|MAR|MAD|212
        Nigeria|NG|NGA|NGN|234
        Kenya|KE|KEN|KES|254
        South Africa|ZA|ZAF|ZAR|27
        Ghana|GH|GHA|GHS|233
        Ethiopia|ET|ETH|ETB|251
        Senegal|SN|SEN|XOF|221
        India|IN|IND|INR|91
        Pakistan|PK|PAK|PKR|92
        Bangladesh|BD|BGD|BDT|880
        Sri Lanka|LK|LKA|LKR|94
        Nepal|NP|NPL|NPR|977
        China|CN|CHN|CNY|86
        Taiwan|TW|TWN|TWD|886
        Japan|JP|JPN|JPY|81
        South Korea|KR|KOR|KRW|82
        Singapore|SG|SGP|SGD|65
        Malaysia|MY|MYS|MYR|60
        Thailand|TH|THA|THB|66
        Indonesia|ID|IDN|IDR|62
        Philippines|PH|PHL|PHP|63
        Vietnam|VN|VNM|VND|84
        Australia|AU|AUS|AUD|61
        New Zealand|NZ|NZL|NZD|64
        Brazil|BR|BRA|BRL|55
        Argentina|AR|ARG|ARS|54
        Chile|CL|CHL|CLP|56
        Colombia|CO|COL|COP|57
        Peru|PE|PER|PEN|51
        Ecuador|EC|ECU|USD|593
        Uruguay|UY|URY|UYU|598
        Venezuela|VE|VEN|VES|58
        """

    static let streetStemsText = """
        Maple
        Oak
        Pine
        Cedar
        Elm
        Willow
        Birch
        Spruce
        Walnut
        Chestnut
        Hickory
        Aspen
        Magnolia
        Sycamore
        Poplar
        Cherry
        Dogwood
        Laurel
        Juniper
        Cypress
        Main
        Church
        Park
        Lake
        Hill
        River
        Spring
        Meadow
        Forest
        Highland
        Valley
        Sunset
        Ridge
        Washington
        Lincoln
        Jefferson
        Madison
        Franklin
        Adams
        Jackson
        Monroe
        Grant
        Hamilton
        Lafayette
        Kennedy
        Roosevelt
        Harrison
        Center
        Mill
        Market
        Bridge
        Water
        Front
        High
        King
        Queen
        Prince
        Union
        Liberty
        Broad
        School
        College
        Academy
        Mountain
        Harbor
        Bay
        Ocean
        Beach
        Shore
        Cliff
        Canyon
        Prairie
        Orchard
        Vineyard
        Garden
        Rose
        Lilac
        Ivy
        Hawthorne
        Heather
        Clover
        Fox
        Deer
        Eagle
        Hawk
        Robin
        Sparrow
        Falcon
        Heron
        Bluebird
        Cardinal
        Mulberry
        Holly
        Briar
        Stone
        Granite
        Copper
        Silver
        North
        South
        East
        West
        Central
        Pleasant
        Green
        Fairview
        Woodland
        Hillcrest
        Lakeview
        Riverside
        Brookside
        Greenwood
        Oakwood
        Redwood
        Evergreen
        Windsor
        Cambridge
        Oxford
        Devon
        Kent
        Chester
        Dover
        Essex
        Somerset
        Salem
        Augusta
        """

    static let streetSuffixesText = """
        Street
        Street
        Street
        Avenue
        Avenue
        Road
        Road
        Lane
        Drive
        Drive
        Court
        Place
        Boulevard
        Way
        Terrace
        Circle
        Trail
        Parkway
        Square
        Crescent
        Close
        Row
        Path
        Loop
        Pike
        Run
        Grove
        Heights
        Hollow
        Point
        Commons
        """

    /// `#` a digit, `%` a digit 1-9, `?` a letter.
    static let secondaryUnitsText = """
        Apt. %
        Apt. %#
        Apt. %##
        Apt. %?
        Apt. %#?
        Suite %#
        Suite %#0
        Suite %00
        Unit %
        Unit %#
        Unit %?
        Floor %
        Room %##
        Building %
        # the same forms again, so apartments dominate
        Apt. %#
        Apt. %##
        """

    static let germanStreetStemsText = """
        Haupt
        Bahnhof
        Schul
        Kirch
        Garten
        Berg
        Wald
        Linden
        Birken
        Eichen
        Mühlen
        Schiller
        Goethe
        Mozart
        Beethoven
        Friedrich
        Wilhelm
        Rosen
        Blumen
        Feld
        Wiesen
        Sonnen
        Park
        Markt
        Dorf
        Tannen
        Ahorn
        Brunnen
        Burg
        See
        """

    static let frenchStreetNamesText = """
        rue de la Paix
        avenue Victor Hugo
        boulevard Saint-Michel
        rue des Lilas
        rue du Moulin
        place de la République
        rue Pasteur
        avenue Jean Jaurès
        rue de la Gare
        chemin des Vignes
        rue Nationale
        rue du Château
        allée des Tilleuls
        impasse des Roses
        quai de la Loire
        rue Voltaire
        avenue de la Liberté
        rue de l'Église
        rue du Général Leclerc
        boulevard Gambetta
        rue des Écoles
        rue Sainte-Catherine
        """

    static let spanishStreetNamesText = """
        Calle Mayor
        Calle Real
        Avenida de la Constitución
        Calle del Sol
        Calle de Alcalá
        Avenida Libertad
        Calle San Juan
        Calle Nueva
        Calle de la Paz
        Avenida Juárez
        Calle Hidalgo
        Avenida Reforma
        Calle Morelos
        Avenida Insurgentes
        Calle Bolívar
        Avenida San Martín
        Calle Sarmiento
        Avenida Belgrano
        Calle de las Flores
        Paseo del Prado
        Calle de los Olivos
        Avenida del Mar
        """

    static let italianStreetNamesText = """
        Via Roma
        Via Garibaldi
        Via Mazzini
        Via Dante
        Corso Italia
        Via Verdi
        Via Cavour
        Piazza del Duomo
        Via della Repubblica
        Via Marconi
        Viale Europa
        Via San Francesco
        Via dei Mille
        Corso Vittorio Emanuele
        Via Nazionale
        Via delle Rose
        Via Manzoni
        Via Leopardi
        """

    static let portugueseStreetNamesText = """
        Rua das Flores
        Rua Augusta
        Avenida da Liberdade
        Rua do Comércio
        Rua Direita
        Avenida Paulista
        Rua da Consolação
        Avenida Atlântica
        Rua Sete de Setembro
        Rua XV de Novembro
        Avenida Brasil
        Rua da Praia
        Rua São João
        Travessa do Carmo
        Rua Santa Catarina
        Rua das Laranjeiras
        """

    static let dutchStreetStemsText = """
        Kerk
        Dorps
        Molen
        School
        Stations
        Heren
        Keizers
        Prinsen
        Linden
        Beuken
        Eiken
        Berken
        Tuin
        Wilhelmina
        Juliana
        Beatrix
        Oranje
        Nieuwe
        Hoog
        Lange
        """

    static let timezonesText = """
        America/New_York
        America/Chicago
        America/Denver
        America/Phoenix
        America/Los_Angeles
        America/Anchorage
        Pacific/Honolulu
        America/Toronto
        America/Vancouver
        America/Halifax
        America/St_Johns
        America/Mexico_City
        America/Bogota
        America/Lima
        America/Santiago
        America/Argentina/Buenos_Aires
        America/Sao_Paulo
        America/Caracas
        Europe/London
        Europe/Dublin
        Europe/Lisbon
        Europe/Madrid
        Europe/Paris
        Europe/Brussels
        Europe/Amsterdam
        Europe/Berlin
        Europe/Zurich
        Europe/Rome
        Europe/Vienna
        Europe/Stockholm
        Europe/Oslo
        Europe/Copenhagen
        Europe/Helsinki
        Europe/Warsaw
        Europe/Prague
        Europe/Budapest
        Europe/Athens
        Europe/Bucharest
        Europe/Istanbul
        Europe/Kyiv
        Europe/Moscow
        Asia/Jerusalem
        Asia/Dubai
        Asia/Riyadh
        Africa/Cairo
        Africa/Casablanca
        Africa/Lagos
        Africa/Nairobi
        Africa/Johannesburg
        Asia/Karachi
        Asia/Kolkata
        Asia/Kathmandu
        Asia/Dhaka
        Asia/Bangkok
        Asia/Jakarta
        Asia/Ho_Chi_Minh
        Asia/Singapore
        Asia/Kuala_Lumpur
        Asia/Manila
        Asia/Shanghai
        Asia/Hong_Kong
        Asia/Taipei
        Asia/Seoul
        Asia/Tokyo
        Australia/Perth
        Australia/Adelaide
        Australia/Brisbane
        Australia/Sydney
        Australia/Melbourne
        Pacific/Auckland
        UTC
        """

    static let areaCodesText = """
        201
        202
        203
        205
        206
        210
        212
        213
        214
        215
        216
        303
        305
        310
        312
        313
        314
        317
        402
        404
        407
        412
        414
        415
        469
        480
        502
        503
        504
        505
        510
        512
        513
        517
        602
        608
        612
        614
        615
        617
        619
        646
        702
        704
        713
        718
        720
        727
        773
        786
        801
        804
        808
        813
        816
        818
        832
        858
        901
        904
        916
        919
        949
        971
        972
        978
        """
}
