"""Demo content for the site pages with a fixed address: the home page introduction, help,
contacts and the privacy notice.

Data only (plain dicts and strings), loaded by `torino_portal.demo`. Every page is marked
`"demo": True`: the texts are written for the demo, and the address, telephone number and
privacy details are invented; check and replace them before the portal goes live.
Rich text uses only p, h2, h3, h4, ul, ol, li, strong, em and a; summaries are plain text.
"""

# One entry per SitePage key; the home entry is the introduction on the home page.
SITE_PAGES = {
    "home": {
        "demo": True,
        "title_it": "Torino Internazionale",
        "title_en": "Torino Internazionale",
        "summary_it": (
            "Torino Internazionale promuove e coordina i Piani Strategici dell’area metropolitana "
            "torinese."
        ),
        "summary_en": (
            "Torino Internazionale promotes and coordinates the Strategic Plans of the Turin "
            "metropolitan area."
        ),
        "body_it": (
            "<p>Torino Internazionale è l’associazione che promuove e coordina i Piani Strategici "
            "dell’area metropolitana torinese. Nata nel 2000 per accompagnare l’attuazione del 1° "
            "Piano Strategico, ha guidato la costruzione del 2° Piano, presentato nel 2006. Ne "
            "fanno parte enti locali, università, fondazioni, imprese, associazioni di categoria, "
            "organizzazioni sindacali e del terzo settore: soggetti pubblici e privati che hanno "
            "scelto di lavorare insieme sul futuro del territorio.</p>"
            "<p>In questo portale si trovano i due Piani e il lavoro delle Commissioni Tematiche, "
            "l’agenda degli incontri, la rassegna stampa, le pubblicazioni e il periodico Tamtam. "
            "Per ricevere gli aggiornamenti è possibile iscriversi alla "
            '<a href="/it/mailing-list/">mailing list</a>.</p>'
        ),
        "body_en": (
            "<p>Torino Internazionale is the association that promotes and coordinates the "
            "Strategic Plans of the Turin metropolitan area. Founded in 2000 to support the "
            "implementation of the 1st Strategic Plan, it led the preparation of the 2nd Plan, "
            "presented in 2006. Its members include local authorities, universities, foundations, "
            "businesses, trade associations, trade unions and non-profit organisations: public and "
            "private bodies that have chosen to work together on the future of the area.</p>"
            "<p>On this portal you will find the two Plans and the work of the Thematic "
            "Commissions, the agenda of meetings, the press review, the publications and the "
            "Tamtam periodical. To receive updates, subscribe to the "
            '<a href="/en/mailing-list/">mailing list</a>.</p>'
        ),
    },
    "help": {
        "demo": True,
        "title_it": "Help",
        "title_en": "Help",
        "summary_it": (
            "Come orientarsi nel portale: sezioni, lingue, ricerca, mailing list, feed e "
            "accessibilità."
        ),
        "summary_en": (
            "Finding your way around the portal: sections, languages, search, mailing list, feeds "
            "and accessibility."
        ),
        "body_it": (
            "<h2>Le sezioni del sito</h2>"
            "<p>Il menu principale, presente in ogni pagina, porta alle sezioni del portale:</p>"
            "<ul>"
            "<li><strong>Piano Strategico 2</strong>: il Piano presentato nel 2006, il processo "
            "che lo ha costruito e le Commissioni Tematiche;</li>"
            "<li><strong>Tamtam</strong>: il periodico di Torino Internazionale;</li>"
            "<li><strong>Editoria</strong>: le pubblicazioni dell’associazione;</li>"
            "<li><strong>Agenda</strong>: incontri, forum, workshop e convegni;</li>"
            "<li><strong>Rassegna Stampa</strong>: gli articoli dei giornali sui Piani e sulle "
            "attività dell’associazione;</li>"
            "<li><strong>Piano Strategico 1</strong>: il primo Piano, del 2000, e la sua "
            "attuazione.</li>"
            "</ul>"
            "<p>Sotto il menu, il percorso di navigazione (per esempio «Home | Piano Strategico 2 "
            "| Elaborazione del Piano») indica in quale punto del sito ci si trova; all’interno di "
            "una sezione, il menu laterale ne mostra tutte le pagine. Le pagine più lunghe si "
            "aprono con un indice che porta direttamente ai singoli paragrafi.</p>"
            "<h2>Le lingue</h2>"
            "<p>Il sito è in italiano e in inglese. Il collegamento «english» in alto, accanto a "
            "help, contatti e mailing list, apre la stessa pagina in inglese; dalle pagine inglesi "
            "il collegamento «italiano» riporta alla versione italiana. Se un testo non è ancora "
            "stato tradotto, viene mostrato in italiano con un avviso.</p>"
            "<h2>Cercare nel sito</h2>"
            '<p>La pagina <a href="/it/cerca/">Cerca</a> permette di trovare una parola o '
            "un’espressione in tutte le sezioni: pagine dei Piani, appuntamenti dell’agenda, "
            "articoli, pubblicazioni.</p>"
            "<h2>La mailing list</h2>"
            '<p>Iscrivendosi alla <a href="/it/mailing-list/">mailing list</a> si ricevono per '
            "posta elettronica le newsletter e gli inviti agli incontri, nella lingua scelta al "
            "momento dell’iscrizione. Dopo aver inserito il proprio indirizzo si riceve un "
            "messaggio con un collegamento per confermare l’iscrizione; ogni messaggio successivo "
            "contiene un collegamento per cancellarla in qualsiasi momento.</p>"
            "<h2>Feed e calendario</h2>"
            "<p>Le sezioni che si aggiornano più spesso offrono un feed (RSS o Atom) da aggiungere "
            "al proprio lettore di notizie. Gli appuntamenti dell’Agenda sono disponibili anche in "
            "formato iCalendar: abbonandosi al calendario da Outlook, Apple Calendar, Google "
            "Calendar o Thunderbird, i nuovi incontri compaiono automaticamente nella propria "
            "agenda. I feed sono segnalati nelle pagine delle rispettive sezioni e la maggior "
            "parte dei browser e dei lettori di notizie li riconosce da sé.</p>"
            "<h2>Accessibilità</h2>"
            "<p>Il portale è pensato per essere usato da tutti, anche senza mouse o con tecnologie "
            "assistive:</p>"
            "<ul>"
            "<li><strong>tastiera</strong>: il tasto Tab sposta il cursore fra i collegamenti e i "
            "campi dei moduli, evidenziati da un contorno ben visibile; il primo collegamento di "
            "ogni pagina permette di saltare direttamente al contenuto principale;</li>"
            "<li><strong>lettori di schermo</strong>: ogni pagina è divisa in aree riconoscibili "
            "(intestazione, menu, contenuto, piè di pagina) e i titoli sono ordinati "
            "gerarchicamente, così da poter passare rapidamente da una parte all’altra; la lingua "
            "di ogni testo è dichiarata, perché venga letto con la pronuncia corretta;</li>"
            "<li><strong>dimensione del testo</strong>: il testo si ingrandisce con i comandi del "
            "browser (Ctrl e + su Windows e Linux, Cmd e + su Mac) e l’impaginazione si adatta "
            "senza nascondere contenuti, anche sugli schermi dei telefoni;</li>"
            "<li><strong>stampa</strong>: le pagine sono impaginate per la stampa, senza menu né "
            "elementi superflui.</li>"
            "</ul>"
            "<p>Per segnalare difficoltà nell’uso del sito si può scrivere all’indirizzo indicato "
            'nella pagina <a href="/it/contatti/">contatti</a>.</p>'
        ),
        "body_en": (
            "<h2>The sections of the site</h2>"
            "<p>The main menu, on every page, leads to the sections of the portal:</p>"
            "<ul>"
            "<li><strong>Strategic Plan 2</strong>: the Plan presented in 2006, the process that "
            "built it and the Thematic Commissions;</li>"
            "<li><strong>Tamtam</strong>: the periodical of Torino Internazionale;</li>"
            "<li><strong>Publications</strong>: the association’s publications;</li>"
            "<li><strong>Agenda</strong>: meetings, forums, workshops and conferences;</li>"
            "<li><strong>Press Review</strong>: newspaper articles on the Plans and on the "
            "association’s activities;</li>"
            "<li><strong>Strategic Plan 1</strong>: the first Plan, of 2000, and its "
            "implementation.</li>"
            "</ul>"
            "<p>Below the menu, the breadcrumb trail (for example “Home | Strategic Plan 2 | Plan "
            "development”) shows where you are on the site; within a section, the side menu shows "
            "all its pages. Longer pages open with a table of contents that takes you straight to "
            "each part.</p>"
            "<h2>Languages</h2>"
            "<p>The site is in Italian and English. The “italiano” link at the top, next to help, "
            "contacts and mailing list, opens the same page in Italian; from Italian pages, the "
            "“english” link brings you back to the English version. If a text has not been "
            "translated yet, it is shown in Italian with a note.</p>"
            "<h2>Searching the site</h2>"
            '<p>The <a href="/en/search/">Search</a> page lets you find a word or a phrase in '
            "every section: the Plans’ pages, Agenda events, articles, publications.</p>"
            "<h2>The mailing list</h2>"
            '<p>By subscribing to the <a href="/en/mailing-list/">mailing list</a> you receive '
            "newsletters and invitations to meetings by e-mail, in the language you choose when "
            "you subscribe. After entering your address, you receive a message with a link to "
            "confirm your subscription; every later message contains a link to unsubscribe at any "
            "time.</p>"
            "<h2>Feeds and calendar</h2>"
            "<p>The sections that are updated most often offer a feed (RSS or Atom) that you can "
            "add to your news reader. Agenda events are also available in iCalendar format: if you "
            "subscribe to the calendar from Outlook, Apple Calendar, Google Calendar or "
            "Thunderbird, new meetings appear in your own calendar automatically. Feeds are "
            "announced on the pages of their sections, and most browsers and news readers find "
            "them on their own.</p>"
            "<h2>Accessibility</h2>"
            "<p>The portal is designed to be usable by everyone, including without a mouse or with "
            "assistive technologies:</p>"
            "<ul>"
            "<li><strong>keyboard</strong>: the Tab key moves between links and form fields, which "
            "are highlighted by a clearly visible outline; the first link on every page lets you "
            "skip straight to the main content;</li>"
            "<li><strong>screen readers</strong>: every page is divided into recognisable regions "
            "(header, menu, content, footer) and headings are arranged hierarchically, so you can "
            "move quickly from one part to another; the language of every text is declared, so "
            "that it is read with the correct pronunciation;</li>"
            "<li><strong>text size</strong>: text can be enlarged with the browser’s controls "
            "(Ctrl and + on Windows and Linux, Cmd and + on a Mac) and the layout adapts without "
            "hiding content, on phone screens too;</li>"
            "<li><strong>printing</strong>: pages are laid out for printing, without menus or "
            "superfluous elements.</li>"
            "</ul>"
            "<p>To report difficulties in using the site, write to the address given on the "
            '<a href="/en/contacts/">contacts</a> page.</p>'
        ),
    },
    "contacts": {
        "demo": True,
        "title_it": "Contatti",
        "title_en": "Contacts",
        "summary_it": (
            "Indirizzo, telefono, posta elettronica e orari della sede di Torino Internazionale."
        ),
        "summary_en": (
            "Address, telephone, e-mail and opening hours of the Torino Internazionale office."
        ),
        "body_it": (
            "<h2>La sede</h2>"
            "<p><strong>Associazione Torino Internazionale</strong>, via Bogino 12, 10123 "
            "Torino.</p>"
            "<p>La sede si trova nel centro storico, a pochi passi da piazza Carlo Alberto e da "
            "piazza Castello, ed è raggiungibile a piedi dalle stazioni di Porta Nuova e Porta "
            "Susa.</p>"
            "<h2>Telefono e posta elettronica</h2>"
            "<ul>"
            '<li>Telefono: <a href="tel:+390110000000">+39 011 000 0000</a></li>'
            "<li>Posta elettronica: "
            '<a href="mailto:info@torinointernazionale.org">info@torinointernazionale.org</a></li>'
            "</ul>"
            "<h2>Orari</h2>"
            "<p>Gli uffici sono aperti dal lunedì al venerdì, dalle 9.30 alle 13 e dalle 14.30 "
            "alle 17.30. Per incontrare il personale dell’associazione è consigliabile fissare un "
            "appuntamento.</p>"
            "<h2>Mailing list</h2>"
            "<p>Per ricevere le newsletter e gli inviti agli incontri è possibile iscriversi alla "
            '<a href="/it/mailing-list/">mailing list</a>.</p>'
        ),
        "body_en": (
            "<h2>Our office</h2>"
            "<p><strong>Associazione Torino Internazionale</strong>, via Bogino 12, 10123 Torino, "
            "Italy.</p>"
            "<p>The office is in the historic centre, a short walk from Piazza Carlo Alberto and "
            "Piazza Castello, and within walking distance of Porta Nuova and Porta Susa "
            "stations.</p>"
            "<h2>Telephone and e-mail</h2>"
            "<ul>"
            '<li>Telephone: <a href="tel:+390110000000">+39 011 000 0000</a></li>'
            "<li>E-mail: "
            '<a href="mailto:info@torinointernazionale.org">info@torinointernazionale.org</a></li>'
            "</ul>"
            "<h2>Opening hours</h2>"
            "<p>The office is open Monday to Friday, 9.30 am to 1 pm and 2.30 to 5.30 pm. If you "
            "would like to meet the association’s staff, please make an appointment.</p>"
            "<h2>Mailing list</h2>"
            "<p>To receive newsletters and invitations to meetings, subscribe to the "
            '<a href="/en/mailing-list/">mailing list</a>.</p>'
        ),
    },
    "privacy": {
        "demo": True,
        "title_it": "Informativa sulla privacy",
        "title_en": "Privacy notice",
        "summary_it": (
            "Come Torino Internazionale tratta i dati personali raccolti attraverso il portale, ai "
            "sensi del Regolamento (UE) 2016/679."
        ),
        "summary_en": (
            "How Torino Internazionale processes the personal data collected through the portal, "
            "under Regulation (EU) 2016/679."
        ),
        "body_it": (
            "<p>Questa informativa è resa ai sensi dell’articolo 13 del Regolamento (UE) 2016/679 "
            "(Regolamento generale sulla protezione dei dati, GDPR) a chi visita il portale di "
            "Torino Internazionale e, in particolare, a chi si iscrive alla mailing list, si "
            "registra a un evento o invia un contributo a un forum.</p>"
            "<h2>Titolare del trattamento</h2>"
            "<p>Titolare del trattamento è l’Associazione Torino Internazionale, via Bogino 12, "
            "10123 Torino, posta elettronica "
            '<a href="mailto:info@torinointernazionale.org">info@torinointernazionale.org</a>.</p>'
            "<h2>Dati trattati e finalità</h2>"
            "<ul>"
            "<li><strong>Mailing list</strong>: indirizzo di posta elettronica, lingua preferita "
            "e argomenti di interesse scelti, per inviare newsletter, aggiornamenti sui Piani "
            "Strategici e "
            "inviti agli incontri.</li>"
            "<li><strong>Iscrizione agli eventi</strong>: nome, cognome, indirizzo di posta "
            "elettronica ed eventuale ente di appartenenza, per gestire le iscrizioni a incontri, "
            "forum, workshop e convegni e comunicare eventuali variazioni.</li>"
            "<li><strong>Contributi ai forum</strong>: nome, indirizzo di posta elettronica e "
            "testo del contributo, per pubblicare e moderare gli interventi. Il nome e il testo "
            "sono pubblicati sul sito; l’indirizzo di posta elettronica non viene mai "
            "pubblicato.</li>"
            "<li><strong>Dati di navigazione</strong>: i dati tecnici registrati dal server "
            "(indirizzo IP, data e ora, pagina richiesta), usati solo per garantire la sicurezza e "
            "il corretto funzionamento del sito.</li>"
            "</ul>"
            "<p>Il sito usa soltanto cookie tecnici, necessari al suo funzionamento (per esempio "
            "per ricordare la lingua scelta o proteggere i moduli); non usa cookie di profilazione "
            "né servizi di terze parti per statistiche o pubblicità.</p>"
            "<h2>Base giuridica</h2>"
            "<p>Il trattamento per la mailing list, le iscrizioni agli eventi e i contributi ai "
            "forum si fonda sul consenso dell’interessato (art. 6, paragrafo 1, lettera a, del "
            "GDPR), espresso al momento dell’iscrizione o dell’invio. Il consenso può essere "
            "revocato in qualsiasi momento, senza pregiudicare la liceità del trattamento "
            "effettuato prima della revoca. Il trattamento dei dati di navigazione si fonda sul "
            "legittimo interesse del titolare alla sicurezza del sito (art. 6, paragrafo 1, "
            "lettera f).</p>"
            "<p>Il conferimento dei dati è facoltativo; senza di essi, tuttavia, non è possibile "
            "iscriversi alla mailing list, registrarsi agli eventi o pubblicare contributi.</p>"
            "<h2>Modalità del trattamento e destinatari</h2>"
            "<p>I dati sono trattati con strumenti elettronici dal personale autorizzato "
            "dell’associazione e dai fornitori che gestiscono per suo conto l’ospitalità del sito "
            "e l’invio della posta elettronica, nominati responsabili del trattamento ai sensi "
            "dell’art. 28 del GDPR. I dati non sono ceduti a terzi né trasferiti fuori dall’Unione "
            "europea, e non sono usati per decisioni automatizzate o profilazione.</p>"
            "<h2>Conservazione</h2>"
            "<ul>"
            "<li>Mailing list: fino alla cancellazione dell’iscrizione; 30 giorni dopo la "
            "cancellazione resta soltanto un’impronta non reversibile dell’indirizzo (hash), che "
            "serve a non scrivergli più per errore. Le richieste di iscrizione non confermate sono "
            "cancellate dopo 30 giorni.</li>"
            "<li>Iscrizioni agli eventi: 12 mesi dalla data dell’evento; un’iscrizione non "
            "confermata con il collegamento ricevuto per posta elettronica è cancellata dopo 24 "
            "ore.</li>"
            "<li>Contributi ai forum: per tutto il periodo di pubblicazione del forum, salvo "
            "richiesta di cancellazione.</li>"
            "<li>Copie dei messaggi inviati dal sito (conferme, avvisi): 30 giorni dall’invio.</li>"
            "<li>Dati di navigazione: non oltre 6 mesi, salvo la necessità di accertare reati.</li>"
            "</ul>"
            "<h2>Diritti dell’interessato</h2>"
            "<p>In qualsiasi momento è possibile chiedere al titolare l’accesso ai propri dati, la "
            "rettifica, la cancellazione, la limitazione del trattamento e la portabilità dei "
            "dati, e opporsi al trattamento (articoli 15–22 del GDPR). Ci si può cancellare dalla "
            "mailing list con il collegamento presente in ogni messaggio. Chi ritiene che il "
            "trattamento violi il Regolamento può proporre reclamo al Garante per la protezione "
            "dei dati personali "
            '(<a href="https://www.garanteprivacy.it">www.garanteprivacy.it</a>).</p>'
            "<h2>Contatti</h2>"
            "<p>Per esercitare i propri diritti o per qualsiasi domanda su questa informativa si "
            "può scrivere a "
            '<a href="mailto:info@torinointernazionale.org">info@torinointernazionale.org</a> o '
            "all’indirizzo postale della sede.</p>"
        ),
        "body_en": (
            "<p>This notice is provided under Article 13 of Regulation (EU) 2016/679 (the General "
            "Data Protection Regulation, GDPR) to visitors to the Torino Internazionale portal "
            "and, in particular, to those who subscribe to the mailing list, register for an event "
            "or send a contribution to a forum.</p>"
            "<h2>Data controller</h2>"
            "<p>The data controller is the Associazione Torino Internazionale, via Bogino 12, "
            "10123 Torino, Italy, e-mail "
            '<a href="mailto:info@torinointernazionale.org">info@torinointernazionale.org</a>.</p>'
            "<h2>Data processed and purposes</h2>"
            "<ul>"
            "<li><strong>Mailing list</strong>: e-mail address, preferred language and the "
            "topics chosen, to send newsletters, updates on the Strategic Plans and invitations to "
            "meetings.</li>"
            "<li><strong>Event registrations</strong>: first name, surname, e-mail address and, "
            "where given, organisation, to manage registrations for meetings, forums, workshops "
            "and conferences and to notify any changes.</li>"
            "<li><strong>Forum contributions</strong>: name, e-mail address and the text of the "
            "contribution, to publish and moderate contributions. The name and the text are "
            "published on the site; the e-mail address is never published.</li>"
            "<li><strong>Browsing data</strong>: the technical data recorded by the server (IP "
            "address, date and time, page requested), used only to keep the site secure and "
            "working properly.</li>"
            "</ul>"
            "<p>The site uses only technical cookies, which it needs in order to work (for example "
            "to remember the language chosen or to protect forms); it uses no profiling cookies "
            "and no third-party services for statistics or advertising.</p>"
            "<h2>Legal basis</h2>"
            "<p>Processing for the mailing list, event registrations and forum contributions is "
            "based on the consent of the data subject (Article 6(1)(a) GDPR), given when "
            "subscribing, registering or sending a contribution. Consent may be withdrawn at any "
            "time, without affecting the lawfulness of processing carried out before its "
            "withdrawal. Processing of browsing data is based on the controller’s legitimate "
            "interest in the security of the site (Article 6(1)(f)).</p>"
            "<p>Providing your data is optional; without it, however, you cannot subscribe to the "
            "mailing list, register for events or publish contributions.</p>"
            "<h2>How data are processed and who receives them</h2>"
            "<p>Data are processed electronically by the association’s authorised staff and by the "
            "providers that host the site and send e-mail on its behalf, appointed as processors "
            "under Article 28 GDPR. Data are not disclosed to third parties or transferred outside "
            "the European Union, and are not used for automated decision-making or profiling.</p>"
            "<h2>Retention</h2>"
            "<ul>"
            "<li>Mailing list: until you unsubscribe; 30 days after you unsubscribe only a "
            "one-way hash of the address is kept, so that it is never written to again by "
            "mistake. Unconfirmed subscription requests are deleted after 30 days.</li>"
            "<li>Event registrations: 12 months from the date of the event; a registration not "
            "confirmed with the link sent by e-mail is deleted after 24 hours.</li>"
            "<li>Forum contributions: for as long as the forum is published, unless you ask for "
            "them to be deleted.</li>"
            "<li>Copies of the e-mails the site sends (confirmations, notices): 30 days from "
            "sending.</li>"
            "<li>Browsing data: no longer than 6 months, unless needed to investigate "
            "offences.</li>"
            "</ul>"
            "<h2>Your rights</h2>"
            "<p>You may at any time ask the controller for access to your data, their "
            "rectification or erasure, the restriction of processing and data portability, and you "
            "may object to processing (Articles 15–22 GDPR). You can unsubscribe from the mailing "
            "list using the link in every message. If you believe that the processing infringes "
            "the Regulation, you may lodge a complaint with the Italian Data Protection Authority, "
            "the Garante per la protezione dei dati personali "
            '(<a href="https://www.garanteprivacy.it">www.garanteprivacy.it</a>).</p>'
            "<h2>Contact</h2>"
            "<p>To exercise your rights or for any question about this notice, write to "
            '<a href="mailto:info@torinointernazionale.org">info@torinointernazionale.org</a> or '
            "to the association’s postal address.</p>"
        ),
    },
}
