<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi" sourcelanguage="en">
<context>
    <name>AccountHealth</name>
    <message>
        <source>Checking…</source>
        <translation>Tarkistetaan…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Yhdistetty</translation>
    </message>
    <message>
        <source>⚠ Expires soon</source>
        <translation>⚠ Vanhenee pian</translation>
    </message>
    <message>
        <source>⚠ Reconnect</source>
        <translation>⚠ Yhdistä uudelleen</translation>
    </message>
    <message>
        <source>⚠ Not connected</source>
        <translation>⚠ Ei yhdistetty</translation>
    </message>
    <message>
        <source>⚠ No secure storage</source>
        <translation>⚠ Ei turvallista tallennusta</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Käsin</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Kansio</translation>
    </message>
    <message>
        <source>⚠ Folder missing</source>
        <translation>⚠ Kansio puuttuu</translation>
    </message>
    <message>
        <source>⚠ Folder read-only</source>
        <translation>⚠ Kansioon ei voi kirjoittaa</translation>
    </message>
    <message>
        <source>Keyring did not answer</source>
        <translation>Avainnippu ei vastannut</translation>
    </message>
    <message>
        <source>Each post is written into its own folder in %1.</source>
        <translation>Julkaisut kirjoitetaan kansioon %1, kukin omaan alikansioonsa.</translation>
    </message>
    <message>
        <source>The archive folder %1 is not there (a drive not connected?). Posts to this account fail until it is back.</source>
        <translation>Arkistokansiota %1 ei löydy (onko levy irrotettu?). Julkaisut tälle tilille epäonnistuvat, kunnes kansio on taas paikallaan.</translation>
    </message>
    <message>
        <source>Some Studio may not write into the archive folder %1. Posts to this account fail until it may (check the folder&apos;s permissions).</source>
        <translation>Some Studio ei saa kirjoittaa arkistokansioon %1. Julkaisut tälle tilille epäonnistuvat, kunnes se saa (tarkista kansion oikeudet).</translation>
    </message>
    <message>
        <source>Connected. The sign-in lasts %1 more days.</source>
        <translation>Yhdistetty. Kirjautuminen on voimassa vielä %1 päivää.</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Yhdistetty.</translation>
    </message>
    <message>
        <source>The sign-in lapses in %1 days. Reconnect with a new token before then.</source>
        <translation>Kirjautuminen vanhenee %1 päivän kuluttua. Yhdistä uudella tunnisteella ennen sitä.</translation>
    </message>
    <message>
        <source>Reconnect needed: the network no longer accepts the sign-in and renewing it failed. Posts to this account fail until you reconnect.</source>
        <translation>Yhdistä uudelleen: palvelu ei enää hyväksy kirjautumista eikä sen uusiminen onnistunut. Julkaisut tälle tilille epäonnistuvat, kunnes yhdistät uudelleen.</translation>
    </message>
    <message>
        <source>Not connected: no sign-in is stored. Connect it to publish.</source>
        <translation>Ei yhdistetty: kirjautumista ei ole tallennettu. Yhdistä tili julkaistaksesi.</translation>
    </message>
    <message>
        <source>No secure storage: this computer has no working system keyring, so no sign-in is stored and nothing can be published to this account. Set up the keyring, then connect again.</source>
        <translation>Ei turvallista tallennusta: tässä tietokoneessa ei ole toimivaa järjestelmän avainnippua, joten kirjautumista ei tallenneta eikä tälle tilille voi julkaista. Ota avainnippu käyttöön ja yhdistä sitten uudelleen.</translation>
    </message>
    <message>
        <source>You publish this one by hand; Some Studio reminds you at the time.</source>
        <translation>Julkaiset tälle tilille itse; Some Studio muistuttaa ajallaan.</translation>
    </message>
    <message>
        <source>Each post is written into its own folder.</source>
        <translation>Jokainen julkaisu kirjoitetaan omaan kansioonsa.</translation>
    </message>
    <message>
        <source>Images: no public image folder address is set, so posts with images will not go out (the network fetches images from the web). Set one with Reconnect.</source>
        <translation>Kuvat: julkisen kuvakansion osoitetta ei ole asetettu, joten kuvia sisältävät julkaisut eivät lähde (palvelu hakee kuvat verkosta). Aseta osoite kohdassa Yhdistä uudelleen.</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Publishes through the network</source>
        <translation>Julkaisee palvelun kautta</translation>
    </message>
    <message>
        <source>Publish by hand (reminder)</source>
        <translation>Julkaisu käsin (muistutus)</translation>
    </message>
    <message>
        <source>Writes to a folder</source>
        <translation>Kirjoittaa kansioon</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tili</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Julkaisutapa</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Kirjautuminen</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>Tilit</translation>
    </message>
    <message>
        <source>Each account is one place a post can go. Sign-in tokens are kept only in your system keyring, never in Some Studio&apos;s files.</source>
        <translation>Jokainen tili on yksi paikka, johon julkaisun voi lähettää. Kirjautumistunnukset säilytetään vain järjestelmäsi avainnipussa, ei koskaan Some Studion tiedostoissa.</translation>
    </message>
    <message>
        <source>No accounts yet. Add one to start: a Local archive or a publish-by-hand account works without signing in anywhere.</source>
        <translation>Ei vielä tilejä. Lisää tili aloittaaksesi: paikallinen arkisto tai käsin julkaistava tili toimii kirjautumatta mihinkään.</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Lisää tili</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testaa yhteys</translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <translation>Yhdistä uudelleen…</translation>
    </message>
    <message>
        <source>Remove account…</source>
        <translation>Poista tili…</translation>
    </message>
    <message>
        <source>e.g. Mon, Wed, Fri 09:00; Sat 11:30</source>
        <translation>esim. ma, ke, pe 9.00; la 11.30</translation>
    </message>
    <message>
        <source>Posting slots</source>
        <translation>Julkaisuajat</translation>
    </message>
    <message>
        <source>Time zone of the posting slots</source>
        <translation>Julkaisuaikojen aikavyöhyke</translation>
    </message>
    <message>
        <source>Save slots</source>
        <translation>Tallenna julkaisuajat</translation>
    </message>
    <message>
        <source>Posting slots (&quot;Add to queue&quot; takes the next free one):</source>
        <translation>Julkaisuajat (”Lisää jonoon” käyttää seuraavan vapaan):</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Aikavyöhyke:</translation>
    </message>
    <message>
        <source>No sign-in needed</source>
        <translation>Ei kirjautumista</translation>
    </message>
    <message>
        <source>Local archive (a folder on this computer)…</source>
        <translation>Paikallinen arkisto (kansio tällä tietokoneella)…</translation>
    </message>
    <message>
        <source>Publish by hand (any network)…</source>
        <translation>Julkaise käsin (mikä tahansa palvelu)…</translation>
    </message>
    <message>
        <source>Sign in to a network</source>
        <translation>Kirjaudu palveluun</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>The posting slots typed for the account before were not saved: %1</source>
        <translation>Edelliselle tilille kirjoitettuja julkaisuaikoja ei tallennettu: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tallennettu.</translation>
    </message>
    <message>
        <source>%1 no longer accepts the way this version of Some Studio talks to it (since %2). Install the newest Some Studio to publish to %1 again.</source>
        <translation>%1 ei enää hyväksy tapaa, jolla tämä Some Studion versio viestii sen kanssa (%2 alkaen). Asenna uusin Some Studio, niin voit taas julkaista palveluun %1.</translation>
    </message>
    <message>
        <source>Some Studio needs an update before %2 for %1: after that date %1 no longer accepts the way this version talks to it. Install the newest Some Studio before then.</source>
        <translation>Some Studio on päivitettävä ennen %2, jotta julkaiseminen palveluun %1 jatkuu: sen jälkeen %1 ei enää hyväksy tapaa, jolla tämä versio viestii sen kanssa. Asenna uusin Some Studio ennen sitä.</translation>
    </message>
    <message>
        <source>No secure storage: this computer has no working system keyring — %1. Some Studio keeps sign-ins only there, so accounts that sign in to a network cannot be connected, and no token is stored anywhere else. Local archive and publish-by-hand accounts work as usual: add them with “Add account”.</source>
        <translation>Ei turvallista tallennusta: tässä tietokoneessa ei ole toimivaa järjestelmän avainnippua — %1. Some Studio säilyttää kirjautumiset vain siellä, joten palveluihin kirjautuvia tilejä ei voi yhdistää eikä tunnisteita tallenneta mihinkään muualle. Paikallinen arkisto ja käsin julkaistavat tilit toimivat tavalliseen tapaan: lisää ne painikkeella ”Lisää tili”.</translation>
    </message>
    <message>
        <source>The system keyring did not answer (is it locked?). Unlock it, then press F5.</source>
        <translation>Järjestelmän avainnippu ei vastannut (onko se lukittu?). Avaa se ja paina sitten F5.</translation>
    </message>
    <message>
        <source>checking the sign-in…</source>
        <translation>tarkistetaan kirjautumista…</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Yhdistä…</translation>
    </message>
    <message>
        <source>Sign in, so that Some Studio publishes this account&apos;s posts itself</source>
        <translation>Kirjaudu sisään, niin Some Studio julkaisee tämän tilin julkaisut itse</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>Valitse ensin tili.</translation>
    </message>
    <message>
        <source>You publish %1 by hand: there is no sign-in to test. Connect… signs it in, so that Some Studio publishes its posts itself.</source>
        <translation>Julkaiset tiliä %1 käsin: testattavaa kirjautumista ei ole. Yhdistä… kirjaa tilin sisään, niin Some Studio julkaisee sen julkaisut itse.</translation>
    </message>
    <message>
        <source>%1 writes into a folder and signs in nowhere: nothing to reconnect.</source>
        <translation>%1 kirjoittaa kansioon eikä kirjaudu mihinkään: ei yhdistettävää uudelleen.</translation>
    </message>
    <message>
        <source>%1 does not sign in to a network: nothing to test or reconnect.</source>
        <translation>%1 ei kirjaudu mihinkään palveluun: ei testattavaa eikä yhdistettävää.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Testataan: %1…</translation>
    </message>
    <message>
        <source>The folder %1 is there, and Some Studio may write into it.</source>
        <translation>Kansio %1 on paikallaan, ja Some Studio saa kirjoittaa siihen.</translation>
    </message>
    <message>
        <source>Removed the account “%1”.</source>
        <translation>Tili ”%1” poistettiin.</translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled posts still go to “%1”. Unschedule them or move them to another account first, then remove it.</source>
        <translation>
            <numerusform>%n ajastettu julkaisu on vielä menossa tilille ”%1”. Peru sen ajastus tai siirrä se toiselle tilille ja poista tili sitten.</numerusform>
            <numerusform>%n ajastettua julkaisua on vielä menossa tilille ”%1”. Peru niiden ajastus tai siirrä ne toiselle tilille ja poista tili sitten.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is removed from Some Studio and its sign-in is deleted from the system keyring. Posts already published stay on the network.</source>
        <translation>”%1” poistetaan Some Studiosta ja sen kirjautuminen poistetaan järjestelmän avainnipusta. Jo julkaistut julkaisut jäävät palveluun.</translation>
    </message>
    <message>
        <source>“%1” is removed from Some Studio. Its folder and the posts written into it stay as they are.</source>
        <translation>”%1” poistetaan Some Studiosta. Sen kansio ja siihen kirjoitetut julkaisut säilyvät ennallaan.</translation>
    </message>
    <message>
        <source>“%1” is removed from Some Studio. Posts you published by hand stay on the network.</source>
        <translation>”%1” poistetaan Some Studiosta. Käsin julkaisemasi julkaisut jäävät palveluun.</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>Poistetaanko %1?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>LinkedIn has no inbox here: reading and answering comments through the API needs LinkedIn&apos;s Community Management API, a separate product LinkedIn approves for few apps, which your own app rarely has. Read and answer comments on LinkedIn itself.</source>
        <translation>LinkedInin kommentteja ei tuoda tänne Saapuneisiin: kommenttien lukeminen ja niihin vastaaminen rajapinnan kautta vaatii LinkedInin Community Management API -rajapinnan, erillisen tuotteen, jonka LinkedIn hyväksyy harvoille sovelluksille, eikä omalla sovelluksellasi yleensä ole sitä. Lue kommentit ja vastaa niihin LinkedInissä.</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>New action</source>
        <translation>Uusi toimenpide</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Päivä</translation>
    </message>
    <message>
        <source>What you did</source>
        <translation>Mitä teit</translation>
    </message>
    <message>
        <source>e.g. job fair, new profile photo, workshop</source>
        <translation>esim. rekrytointimessut, uusi profiilikuva, työpaja</translation>
    </message>
    <message>
        <source>Not one account</source>
        <translation>Ei yhteen tiliin</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tili</translation>
    </message>
</context>
<context>
    <name>ActionsSection</name>
    <message>
        <source>Mark what you did, and see whether follower growth changed after it. The followers chart draws the actions listed here (with collaborations delivered) as lines, those of its period and accounts, and published posts as dots.</source>
        <translation>Merkitse, mitä teit, ja katso, muuttuiko seuraajien kasvu sen jälkeen. Seuraajakaavio piirtää tässä luetellut toimenpiteet (toimitetut yhteistyöt mukaan lukien) viivoina, kaavion ajanjakson ja tilien osalta, ja julkaistut julkaisut pisteinä.</translation>
    </message>
    <message>
        <source>Your actions</source>
        <translation>Toimenpiteesi</translation>
    </message>
    <message>
        <source>Add action…</source>
        <translation>Lisää toimenpide…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>Poista toimenpide</translation>
    </message>
    <message>
        <source>All accounts together</source>
        <translation>Kaikki tilit yhdessä</translation>
    </message>
    <message>
        <source>Account to compare</source>
        <translation>Verrattava tili</translation>
    </message>
    <message>
        <source>Days before and after</source>
        <translation>Päiviä ennen ja jälkeen</translation>
    </message>
    <message>
        <source>Choose an action to compare before and after it.</source>
        <translation>Valitse toimenpide, niin sitä edeltävää ja seuraavaa aikaa verrataan.</translation>
    </message>
    <message>
        <source>Before and after</source>
        <translation>Ennen ja jälkeen</translation>
    </message>
    <message>
        <source>Before and after the chosen action</source>
        <translation>Ennen valittua toimenpidettä ja sen jälkeen</translation>
    </message>
    <message>
        <source>Marked when the collaboration was delivered: moving it back a step in Collaborations removes it.</source>
        <translation>Merkitty, kun yhteistyö toimitettiin: se poistuu, kun siirrät yhteistyön Yhteistyöt-sivulla vaihetta taaksepäin.</translation>
    </message>
    <message>
        <source>No actions yet.</source>
        <translation>Ei vielä toimenpiteitä.</translation>
    </message>
    <message>
        <source>(collaboration delivered)</source>
        <translation>(yhteistyö toimitettu)</translation>
    </message>
    <message>
        <source>Remove “%1” from the timeline?</source>
        <translation>Poistetaanko ”%1” aikajanalta?</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Adding…</source>
        <translation>Lisätään…</translation>
    </message>
    <message>
        <source>Enter the account&apos;s name.</source>
        <translation>Kirjoita tilin nimi.</translation>
    </message>
    <message>
        <source>There already is an account named “%1” here.</source>
        <translation>Täällä on jo tili nimeltä ”%1”.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder: choose a folder.</source>
        <translation>%1 on tiedosto eikä kansio: valitse kansio.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made: choose another one.</source>
        <translation>Kansiota %1 ei voi luoda: valitse toinen.</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Agenda</source>
        <translation>Lista</translation>
    </message>
</context>
<context>
    <name>ApprovalNote</name>
    <message>
        <source>Approval</source>
        <translation>Hyväksyntä</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Hyväksy</translation>
    </message>
    <message>
        <source>Approve post</source>
        <translation>Hyväksy julkaisu</translation>
    </message>
    <message>
        <source>Schedule the post at the time asked for</source>
        <translation>Ajasta julkaisu pyydettyyn aikaan</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Palauta…</translation>
    </message>
    <message>
        <source>Return post with a comment</source>
        <translation>Palauta julkaisu kommentin kanssa</translation>
    </message>
    <message>
        <source>Send it back to its writer with a comment</source>
        <translation>Lähetä se takaisin kirjoittajalle kommentin kanssa</translation>
    </message>
    <message>
        <source>Ask for approval…</source>
        <translation>Pyydä hyväksyntää…</translation>
    </message>
    <message>
        <source>Ask for approval</source>
        <translation>Pyydä hyväksyntää</translation>
    </message>
    <message>
        <source>a former member</source>
        <translation>entinen jäsen</translation>
    </message>
    <message>
        <source>%1 Waiting for approval: %2 asks for it to go out %3.</source>
        <translation>%1 Odottaa hyväksyntää: %2 pyytää julkaisua ajalle %3.</translation>
    </message>
    <message>
        <source>%1 Returned for changes — edit the post, then ask again. Comment: “%2”</source>
        <translation>%1 Palautettu muutettavaksi – muokkaa julkaisua ja pyydä sitten hyväksyntää uudelleen. Kommentti: ”%2”</translation>
    </message>
    <message numerus="yes">
        <source>Approved and scheduled on %n accounts</source>
        <translation>
            <numerusform>Hyväksytty ja ajastettu %n tilille</numerusform>
            <numerusform>Hyväksytty ja ajastettu %n tilille</numerusform>
        </translation>
    </message>
    <message>
        <source>Return post</source>
        <translation>Palauta julkaisu</translation>
    </message>
    <message>
        <source>What should change? The writer sees this in the composer.</source>
        <translation>Mitä pitää muuttaa? Kirjoittaja näkee tämän julkaisueditorissa.</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentti</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Palauta</translation>
    </message>
</context>
<context>
    <name>AttentionDialog</name>
    <message>
        <source>Posts waiting for you</source>
        <translation>Julkaisut odottavat sinua</translation>
    </message>
    <message>
        <source>Nothing is waiting for you.</source>
        <translation>Mikään ei odota sinua.</translation>
    </message>
    <message>
        <source>These posts did not go out as planned. Decide for each; nothing is sent again without you, and each stays here until you do.</source>
        <translation>Nämä julkaisut eivät lähteneet suunnitellusti. Päätä jokaisesta; mitään ei lähetetä uudelleen ilman sinua, ja jokainen pysyy tässä, kunnes päätät.</translation>
    </message>
    <message numerus="yes">
        <source>%n posts wait to be published by hand: View → Publish by hand…</source>
        <translation>
            <numerusform>%n julkaisu odottaa käsin julkaisemista: Näytä → Julkaise käsin…</numerusform>
            <numerusform>%n julkaisua odottaa käsin julkaisemista: Näytä → Julkaise käsin…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skip all %n…</source>
        <translation>
            <numerusform>Ohita %n…</numerusform>
            <numerusform>Ohita kaikki %n…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipping %n posts…</source>
        <translation>
            <numerusform>Ohitetaan %n julkaisu…</numerusform>
            <numerusform>Ohitetaan %n julkaisua…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skip %n posts?</source>
        <translation>
            <numerusform>Ohitetaanko %n julkaisu?</numerusform>
            <numerusform>Ohitetaanko %n julkaisua?</numerusform>
        </translation>
    </message>
    <message>
        <source>None of them will be published. Each stays as a draft at its planned time, and you can schedule any of them again.</source>
        <translation>Mitään niistä ei julkaista. Jokainen jää luonnokseksi suunniteltuun aikaansa, ja voit ajastaa minkä tahansa niistä uudelleen.</translation>
    </message>
    <message>
        <source>Skip all</source>
        <translation>Ohita kaikki</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n posts: each stays as a draft at its planned time.</source>
        <translation>
            <numerusform>Ohitettiin %n julkaisu: se jää luonnokseksi suunniteltuun aikaansa.</numerusform>
            <numerusform>Ohitettiin %n julkaisua: jokainen jää luonnokseksi suunniteltuun aikaansa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show %1 more (%2 not shown yet)</source>
        <translation>Näytä %1 lisää (%2 vielä näyttämättä)</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Syy: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Julkaise nyt</translation>
    </message>
    <message>
        <source>Try to publish it again now</source>
        <translation>Yritä julkaista se nyt uudelleen</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Ajasta uudelleen…</translation>
    </message>
    <message>
        <source>Choose a new time for this post</source>
        <translation>Valitse julkaisulle uusi aika</translation>
    </message>
    <message>
        <source>Do not publish it; it stays as a draft</source>
        <translation>Älä julkaise; se jää luonnokseksi</translation>
    </message>
    <message>
        <source>Mark as done by hand</source>
        <translation>Merkitse tehdyksi käsin</translation>
    </message>
    <message>
        <source>You published it yourself</source>
        <translation>Julkaisit sen itse</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avaa</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Ohita</translation>
    </message>
</context>
<context>
    <name>Blocking</name>
    <message>
        <source>Nothing was scheduled or sent: fix these first (or untick the account).</source>
        <translation>Mitään ei ajastettu eikä lähetetty: korjaa nämä ensin (tai poista tilin valinta).</translation>
    </message>
</context>
<context>
    <name>ByHandDialog</name>
    <message>
        <source>Add account</source>
        <translation>Lisää tili</translation>
    </message>
    <message>
        <source>Add a publish-by-hand account</source>
        <translation>Lisää käsin julkaistava tili</translation>
    </message>
    <message>
        <source>For any network, also those Some Studio cannot publish to for you: at each post&apos;s time Some Studio reminds you, copies the text and opens the images, and you publish it yourself. No sign-in is needed.</source>
        <translation>Mille tahansa palvelulle, myös niille, joihin Some Studio ei voi julkaista puolestasi: kunkin julkaisun aikaan Some Studio muistuttaa sinua, kopioi tekstin ja avaa kuvat, ja julkaiset sen itse. Kirjautumista ei tarvita.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Palvelu</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Palvelu:</translation>
    </message>
    <message>
        <source>Handle or account name:</source>
        <translation>Käyttäjänimi tai tilin nimi:</translation>
    </message>
    <message>
        <source>e.g. @kahvila.aurinko</source>
        <translation>esim. @kahvila.aurinko</translation>
    </message>
    <message>
        <source>Name shown in Some Studio (optional):</source>
        <translation>Some Studiossa näkyvä nimi (valinnainen):</translation>
    </message>
    <message>
        <source>Enter the account&apos;s handle or name.</source>
        <translation>Kirjoita tilin käyttäjänimi tai nimi.</translation>
    </message>
</context>
<context>
    <name>CalendarActions</name>
    <message>
        <source>Time does not exist</source>
        <translation>Aikaa ei ole olemassa</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Käytä aikaa %1</translation>
    </message>
    <message>
        <source>Time happens twice</source>
        <translation>Aika toistuu kahdesti</translation>
    </message>
    <message>
        <source>The first %1 (UTC%2)</source>
        <translation>Ensimmäinen %1 (UTC%2)</translation>
    </message>
    <message>
        <source>The second %1 (UTC%2)</source>
        <translation>Toinen %1 (UTC%2)</translation>
    </message>
    <message>
        <source>That time has already passed: drop the post on a later day or time.</source>
        <translation>Se aika on jo mennyt: pudota julkaisu myöhemmälle päivälle tai ajalle.</translation>
    </message>
    <message>
        <source>That time has already passed: choose a later day or time.</source>
        <translation>Se aika on jo mennyt: valitse myöhempi päivä tai kellonaika.</translation>
    </message>
    <message>
        <source>Moved to %1. Undo (Ctrl+Z) moves it back.</source>
        <translation>Siirretty: %1. Kumoa (Ctrl+Z) siirtää sen takaisin.</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Lisää jonoon</translation>
    </message>
    <message>
        <source>Unschedule</source>
        <translation>Peru ajastus</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>Poista julkaisu</translation>
    </message>
    <message>
        <source>Move post to %1</source>
        <translation>Siirrä julkaisu aikaan %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Avaa</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>&amp;Siirrä…</translation>
    </message>
    <message numerus="yes">
        <source>Unschedule &amp;all %n accounts</source>
        <translation>
            <numerusform>Peru ajastus %n &amp;tililtä</numerusform>
            <numerusform>Peru ajastus &amp;kaikilta %n tililtä</numerusform>
        </translation>
    </message>
    <message>
        <source>Dupli&amp;cate</source>
        <translation>Mon&amp;ista</translation>
    </message>
    <message>
        <source>&amp;Delete post</source>
        <translation>Pois&amp;ta julkaisu</translation>
    </message>
    <message>
        <source>&amp;Schedule…</source>
        <translation>A&amp;jasta…</translation>
    </message>
    <message>
        <source>Add to &amp;queue</source>
        <translation>&amp;Lisää jonoon</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Yritä uudelleen</translation>
    </message>
    <message>
        <source>Mark as published by &amp;hand</source>
        <translation>&amp;Merkitse käsin julkaistuksi</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Ohita</translation>
    </message>
    <message>
        <source>&amp;Unschedule</source>
        <translation>&amp;Peru ajastus</translation>
    </message>
    <message>
        <source>&amp;Publish now</source>
        <translation>Julkaise &amp;nyt</translation>
    </message>
    <message numerus="yes">
        <source>Scheduled again on %n account(s); these stay drafts:</source>
        <translation>
            <numerusform>Ajastettu uudelleen %n tilille; nämä jäävät luonnoksiksi:</numerusform>
            <numerusform>Ajastettu uudelleen %n tilille; nämä jäävät luonnoksiksi:</numerusform>
        </translation>
    </message>
    <message>
        <source>These stay drafts:</source>
        <translation>Nämä jäävät luonnoksiksi:</translation>
    </message>
    <message numerus="yes">
        <source>Unscheduled on %n accounts: drafts at their times. Undo (Ctrl+Z) schedules them again.</source>
        <translation>
            <numerusform>Ajastus peruttu %n tililtä: luonnos ajankohdassaan. Kumoa (Ctrl+Z) ajastaa sen uudelleen.</numerusform>
            <numerusform>Ajastus peruttu %n tililtä: luonnoksina ajankohdissaan. Kumoa (Ctrl+Z) ajastaa ne uudelleen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued for %1 on %2, the account&apos;s next free posting slot.</source>
        <translation>Jonossa: %1 tilillä %2, tilin seuraava vapaa julkaisuaika.</translation>
    </message>
    <message>
        <source>“%1” is being published just now: it cannot be deleted.</source>
        <translation>”%1” julkaistaan juuri nyt, joten sitä ei voi poistaa.</translation>
    </message>
    <message>
        <source>Brought back “%1”. Its time has passed: it goes out now, or waits in Posts waiting for you if it is too late.</source>
        <translation>Palautettu ”%1”. Sen aika on jo mennyt: se julkaistaan nyt, tai se odottaa kohdassa ”Julkaisut odottavat sinua”, jos on liian myöhäistä.</translation>
    </message>
    <message>
        <source>Deleted “%1” from all its accounts (%2). Undo (Ctrl+Z) brings it back.</source>
        <translation>Poistettu ”%1” kaikilta sen tileiltä (%2). Kumoa (Ctrl+Z) tuo sen takaisin.</translation>
    </message>
    <message>
        <source>Deleted “%1”. Undo (Ctrl+Z) brings it back.</source>
        <translation>Poistettu ”%1”. Kumoa (Ctrl+Z) tuo sen takaisin.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Se ei onnistunut</translation>
    </message>
</context>
<context>
    <name>CalendarChip</name>
    <message>
        <source>Thread: %1 posts</source>
        <translation>Ketju: %1 julkaisua</translation>
    </message>
    <message>
        <source>+ first comment</source>
        <translation>+ ensimmäinen kommentti</translation>
    </message>
    <message>
        <source>%1 (planned %2)</source>
        <translation>%1 (suunniteltu %2)</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Previous</source>
        <translation>Edellinen</translation>
    </message>
    <message>
        <source>Previous month or week</source>
        <translation>Edellinen kuukausi tai viikko</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Seuraava</translation>
    </message>
    <message>
        <source>Next month or week</source>
        <translation>Seuraava kuukausi tai viikko</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <source>Go to today (Ctrl+Home)</source>
        <translation>Siirry tähän päivään (Ctrl+Home)</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Siirry tähän päivään</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Kuukausi</translation>
    </message>
    <message>
        <source>Show the month</source>
        <translation>Näytä kuukausi</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Viikko</translation>
    </message>
    <message>
        <source>Show the week</source>
        <translation>Näytä viikko</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Show the agenda</source>
        <translation>Näytä lista</translation>
    </message>
    <message>
        <source>Times are shown in %1, this window&apos;s time zone.</source>
        <translation>Ajat näytetään aikavyöhykkeellä %1, tämän ikkunan aikavyöhykkeellä.</translation>
    </message>
    <message>
        <source>Times shown in %1</source>
        <translation>Ajat aikavyöhykkeellä %1</translation>
    </message>
    <message>
        <source>Posts on the selected day</source>
        <translation>Valitun päivän julkaisut</translation>
    </message>
    <message>
        <source>Actions of the chosen post</source>
        <translation>Valitun julkaisun toiminnot</translation>
    </message>
    <message>
        <source>Nothing planned for this day.</source>
        <translation>Tälle päivälle ei ole suunniteltu mitään.</translation>
    </message>
    <message>
        <source>Agenda · %1</source>
        <translation>Lista · %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>A post that has gone out (or is going out now) stays where it is. To post it again, duplicate it (right-click it, Duplicate).</source>
        <translation>Julkaistu (tai parhaillaan julkaistava) julkaisu pysyy paikallaan. Jos haluat julkaista sen uudelleen, monista se (napsauta hiiren oikealla, Monista).</translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <source>Labels and campaigns</source>
        <translation>Tunnisteet ja kampanjat</translation>
    </message>
    <message>
        <source>Label or campaign name</source>
        <translation>Tunnisteen tai kampanjan nimi</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Väri…</translation>
    </message>
    <message>
        <source>Save label</source>
        <translation>Tallenna tunniste</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>Poista tunniste</translation>
    </message>
    <message>
        <source>Labels group posts into campaigns; the calendar filters by them.</source>
        <translation>Tunnisteet ryhmittelevät julkaisut kampanjoiksi; kalenterin voi rajata niillä.</translation>
    </message>
    <message>
        <source>Give the label a name.</source>
        <translation>Anna tunnisteelle nimi.</translation>
    </message>
    <message>
        <source>Label saved.</source>
        <translation>Tunniste tallennettu.</translation>
    </message>
    <message>
        <source>Label deleted; its posts stay.</source>
        <translation>Tunniste poistettu; sen julkaisut säilyvät.</translation>
    </message>
    <message>
        <source>Campaign colour %1</source>
        <translation>Kampanjaväri %1</translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation>Muu väri…</translation>
    </message>
</context>
<context>
    <name>ChannelPanel</name>
    <message>
        <source>Write own text</source>
        <translation>Kirjoita oma teksti</translation>
    </message>
    <message>
        <source>Give this account its own version of the post</source>
        <translation>Anna tälle tilille oma versio julkaisusta</translation>
    </message>
    <message>
        <source>Reset to base text</source>
        <translation>Palauta perusteksti</translation>
    </message>
    <message>
        <source>Drop this account&apos;s own text and use the base text</source>
        <translation>Hylkää tämän tilin oma teksti ja käytä perustekstiä</translation>
    </message>
    <message>
        <source>Own text for %1</source>
        <translation>Oma teksti tilille %1</translation>
    </message>
    <message>
        <source>Split into thread</source>
        <translation>Jaa ketjuksi</translation>
    </message>
    <message>
        <source>Cut the text into posts that each fit, at sentence and word ends. A line of three dashes (---) starts a new post where you put it.</source>
        <translation>Pilko teksti mahtuviksi julkaisuiksi lauseiden ja sanojen rajoista. Rivi, jolla on vain kolme viivaa (---), aloittaa uuden julkaisun siitä kohdasta.</translation>
    </message>
    <message>
        <source>Number the posts (1/n)</source>
        <translation>Numeroi julkaisut (1/n)</translation>
    </message>
    <message>
        <source>Back to one post</source>
        <translation>Takaisin yhdeksi julkaisuksi</translation>
    </message>
    <message>
        <source>First comment (optional)</source>
        <translation>Ensimmäinen kommentti (valinnainen)</translation>
    </message>
    <message>
        <source>First comment for %1</source>
        <translation>Ensimmäinen kommentti tilille %1</translation>
    </message>
    <message>
        <source>Posted as a reply from this account right after the post, e.g. a link or hashtags. Leave empty for none.</source>
        <translation>Julkaistaan tältä tililtä vastauksena heti julkaisun jälkeen, esimerkiksi linkki tai aihetunnisteet. Jätä tyhjäksi, jos et halua kommenttia.</translation>
    </message>
    <message>
        <source>Split again</source>
        <translation>Jaa uudelleen</translation>
    </message>
    <message numerus="yes">
        <source>%n posts</source>
        <translation>
            <numerusform>%n julkaisu</numerusform>
            <numerusform>%n julkaisua</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n too long</source>
        <translation>
            <numerusform>%n liian pitkä</numerusform>
            <numerusform>%n liian pitkää</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This server allows %Ln characters.</source>
        <translation>
            <numerusform>Tämä palvelin sallii %Ln merkin.</numerusform>
            <numerusform>Tämä palvelin sallii %Ln merkkiä.</numerusform>
        </translation>
    </message>
    <message>
        <source>The network does not publish this limit: it is our best knowledge.</source>
        <translation>Palvelu ei ilmoita tätä rajaa itse; luku perustuu parhaaseen tietoomme.</translation>
    </message>
    <message>
        <source>Goes out with the main text.</source>
        <translation>Julkaistaan perustekstillä.</translation>
    </message>
    <message>
        <source>The main text has changed since these posts were split from it: Split again to take the change, or edit them here.</source>
        <translation>Perusteksti on muuttunut sen jälkeen, kun nämä julkaisut jaettiin siitä: Jaa uudelleen ottaaksesi muutoksen mukaan, tai muokkaa niitä tässä.</translation>
    </message>
    <message>
        <source>These posts are this account&apos;s own: the main text does not reach them.</source>
        <translation>Nämä julkaisut ovat tämän tilin omia: perustekstin muutokset eivät ulotu niihin.</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>Liian pitkä</translation>
    </message>
    <message>
        <source>Characters (the Local archive has no limit)</source>
        <translation>Merkkejä (paikallisella arkistolla ei ole rajaa)</translation>
    </message>
    <message>
        <source>Weighted characters, as X counts: most letters 1, emoji and CJK 2, links 23</source>
        <translation>Painotettuja merkkejä X:n tapaan: useimmat kirjaimet 1, emojit ja CJK-merkit 2, linkit 23</translation>
    </message>
    <message>
        <source>Characters as people see them (an emoji counts once)</source>
        <translation>Merkkejä niin kuin ihminen ne näkee (emoji lasketaan kerran)</translation>
    </message>
    <message>
        <source>UTF-16 units: an emoji or rare character counts 2</source>
        <translation>UTF-16-yksikköjä: emoji tai harvinainen merkki lasketaan kahdesti</translation>
    </message>
    <message>
        <source>Bytes of UTF-8: letters like ä take 2, emoji 4 or more</source>
        <translation>UTF-8-tavuja: ä:n kaltaiset kirjaimet vievät 2, emojit 4 tai enemmän</translation>
    </message>
    <message>
        <source>Unicode code points</source>
        <translation>Unicode-koodipisteitä</translation>
    </message>
    <message>
        <source>Characters; an emoji counts its UTF-8 bytes</source>
        <translation>Merkkejä; emoji lasketaan UTF-8-tavujensa mukaan</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>No numbers yet.</source>
        <translation>Ei vielä lukuja.</translation>
    </message>
</context>
<context>
    <name>ChipDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n muu</numerusform>
            <numerusform>+%n muuta</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChipWords</name>
    <message numerus="yes">
        <source>%1 of %n published</source>
        <translation>
            <numerusform>julkaistu %1/%n</numerusform>
            <numerusform>julkaistu %1/%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n scheduled</source>
        <translation>
            <numerusform>ajastettu %1/%n</numerusform>
            <numerusform>ajastettu %1/%n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollabDialog</name>
    <message>
        <source>New collaboration</source>
        <translation>Uusi yhteistyö</translation>
    </message>
    <message>
        <source>Edit collaboration</source>
        <translation>Muokkaa yhteistyötä</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>esim. %1</translation>
    </message>
    <message>
        <source>Payment due</source>
        <translation>Eräpäivä</translation>
    </message>
    <message>
        <source>One path a line; the files stay where they are</source>
        <translation>Yksi polku riville; tiedostot pysyvät paikallaan</translation>
    </message>
    <message>
        <source>Add a file…</source>
        <translation>Lisää tiedosto…</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Yritys</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Yhteyshenkilö</translation>
    </message>
    <message>
        <source>Language (report, post marking)</source>
        <translation>Kieli (raportti, julkaisun merkintä)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Otsikko</translation>
    </message>
    <message>
        <source>Fee without VAT (€)</source>
        <translation>Palkkio ilman arvonlisäveroa (€)</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>ALV %</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>Sovittu</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Ehdot</translation>
    </message>
    <message>
        <source>Payment due date</source>
        <translation>Maksun eräpäivä</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Liitetyt tiedostot</translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation>Lisää tiedosto</translation>
    </message>
    <message>
        <source>Add collaboration</source>
        <translation>Lisää yhteistyö</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Tallenna muutokset</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peru</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Liitä tiedosto</translation>
    </message>
    <message>
        <source>The fee is not an amount of money (e.g. %1).</source>
        <translation>Palkkio ei ole rahasumma (esim. %1).</translation>
    </message>
    <message>
        <source>The VAT rate is a per cent between 0 and 100 (e.g. %1).</source>
        <translation>Arvonlisäverokanta on prosentti väliltä 0–100 (esim. %1).</translation>
    </message>
    <message>
        <source>Name the partner company.</source>
        <translation>Anna yhteistyökumppanin yrityksen nimi.</translation>
    </message>
</context>
<context>
    <name>CollabPage</name>
    <message>
        <source>Collaborations</source>
        <translation>Yhteistyöt</translation>
    </message>
    <message>
        <source>New collaboration…</source>
        <translation>Uusi yhteistyö…</translation>
    </message>
    <message>
        <source>New collaboration</source>
        <translation>Uusi yhteistyö</translation>
    </message>
    <message>
        <source>Income…</source>
        <translation>Tulot…</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>Tulot</translation>
    </message>
    <message>
        <source>Media kit…</source>
        <translation>Mediakortti…</translation>
    </message>
    <message>
        <source>Media kit</source>
        <translation>Mediakortti</translation>
    </message>
    <message>
        <source>Next state</source>
        <translation>Seuraava vaihe</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>Vaihe taaksepäin</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Liitä tiedosto…</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>Liitä tiedosto</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>Remove collaboration</source>
        <translation>Poista yhteistyö</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Edit collaboration</source>
        <translation>Muokkaa yhteistyötä</translation>
    </message>
    <message>
        <source>Add post…</source>
        <translation>Lisää julkaisu…</translation>
    </message>
    <message>
        <source>Add post</source>
        <translation>Lisää julkaisu</translation>
    </message>
    <message>
        <source>Partner report…</source>
        <translation>Yhteistyöraportti…</translation>
    </message>
    <message>
        <source>Partner report</source>
        <translation>Yhteistyöraportti</translation>
    </message>
    <message>
        <source>Collaboration posts</source>
        <translation>Yhteistyön julkaisut</translation>
    </message>
    <message>
        <source>Open post</source>
        <translation>Avaa julkaisu</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Julkaisut</translation>
    </message>
    <message>
        <source>Nothing due in the collaborations.</source>
        <translation>Yhteistöissä ei ole mitään erääntymässä.</translation>
    </message>
    <message>
        <source>No collaborations yet: add the first one.</source>
        <translation>Ei vielä yhteistöitä: lisää ensimmäinen.</translation>
    </message>
    <message>
        <source>Move to: %1</source>
        <translation>Siirrä vaiheeseen: %1</translation>
    </message>
    <message>
        <source>published</source>
        <translation>julkaistu</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>ajastettu</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>luonnos</translation>
    </message>
    <message>
        <source>%1 · due %2 · %3</source>
        <translation>%1 · viimeistään %2 · %3</translation>
    </message>
    <message>
        <source>Fee %1 + VAT %2 % (%3) = %4</source>
        <translation>Palkkio %1 + ALV %2 % (%3) = %4</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Vaihe: %1</translation>
    </message>
    <message>
        <source>Offered on %1 · payment due %2</source>
        <translation>Tarjottu %1 · eräpäivä %2</translation>
    </message>
    <message>
        <source>Agreed on %1 · payment due %2</source>
        <translation>Sovittu %1 · eräpäivä %2</translation>
    </message>
    <message>
        <source>Paid on %1</source>
        <translation>Maksettu %1</translation>
    </message>
    <message>
        <source>Terms: %1</source>
        <translation>Ehdot: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Tiedosto: %1</translation>
    </message>
    <message>
        <source>%1 · due %2</source>
        <translation>%1 · viimeistään %2</translation>
    </message>
    <message>
        <source>Not all posts are out</source>
        <translation>Kaikkia julkaisuja ei ole julkaistu</translation>
    </message>
    <message>
        <source>These posts owed to %1 are not published yet:
%2

Move the collaboration to Delivered anyway?</source>
        <translation>Näitä yhteistyökumppanille %1 luvattuja julkaisuja ei ole vielä julkaistu:
%2

Siirretäänkö yhteistyö silti vaiheeseen Toimitettu?</translation>
    </message>
    <message>
        <source>Move to Delivered</source>
        <translation>Siirrä vaiheeseen Toimitettu</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Liitä tiedosto</translation>
    </message>
    <message>
        <source>Remove the collaboration with %1? Its posts and costs stay; the partner report and income no longer count it.</source>
        <translation>Poistetaanko yhteistyö kumppanin %1 kanssa? Sen julkaisut ja kulut säilyvät; yhteistyöraportti ja tulot eivät enää laske sitä.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Save the partner report</source>
        <translation>Tallenna yhteistyöraportti</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Tallennus ei onnistunut: %1</translation>
    </message>
    <message>
        <source>Partner report saved: %1</source>
        <translation>Yhteistyöraportti tallennettu: %1</translation>
    </message>
</context>
<context>
    <name>Collaborations</name>
    <message>
        <source>Offered</source>
        <translation>Tarjottu</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Sovittu</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Toimitettu</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Laskutettu</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Maksettu</translation>
    </message>
    <message>
        <source>%1: payment overdue since %2</source>
        <translation>%1: maksu myöhässä %2 alkaen</translation>
    </message>
    <message>
        <source>%1: the %2 post was due %3</source>
        <translation>%1: %2-julkaisun piti olla ulkona %3</translation>
    </message>
    <message>
        <source>%1: the %2 post is due %3</source>
        <translation>%1: %2-julkaisu erääntyy %3</translation>
    </message>
    <message>
        <source>Name the partner company.</source>
        <translation>Anna yhteistyökumppanin yrityksen nimi.</translation>
    </message>
    <message>
        <source>There is no %1 account: add one on the Accounts page first.</source>
        <translation>%1-tiliä ei ole: lisää se ensin Tilit-sivulla.</translation>
    </message>
    <message>
        <source>That post has gone out or belongs to another collaboration meanwhile; choose another.</source>
        <translation>Julkaisu on sillä välin lähtenyt tai kuuluu toiseen yhteistyöhön; valitse toinen.</translation>
    </message>
    <message>
        <source>A collaboration moves one step at a time.</source>
        <translation>Yhteistyö etenee vaihe kerrallaan.</translation>
    </message>
    <message>
        <source>The collaboration was changed meanwhile; look again.</source>
        <translation>Yhteistyötä muutettiin sillä välin; katso uudelleen.</translation>
    </message>
    <message>
        <source>The collaboration was not found.</source>
        <translation>Yhteistyötä ei löytynyt.</translation>
    </message>
</context>
<context>
    <name>CollabsModel</name>
    <message>
        <source>Partner</source>
        <translation>Kumppani</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Otsikko</translation>
    </message>
    <message>
        <source>Fee (net)</source>
        <translation>Palkkio (veroton)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Vaihe</translation>
    </message>
    <message>
        <source>Payment due</source>
        <translation>Eräpäivä</translation>
    </message>
</context>
<context>
    <name>Community</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 vrk %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Yhteisö</translation>
    </message>
</context>
<context>
    <name>CommunitySection</name>
    <message>
        <source>Replies received</source>
        <translation>Saadut vastaukset</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Vastattu</translation>
    </message>
    <message>
        <source>Median time to first answer</source>
        <translation>Mediaaniaika ensimmäiseen vastaukseen</translation>
    </message>
    <message>
        <source>Unanswered after 24 h</source>
        <translation>Vastaamatta yli vuorokauden</translation>
    </message>
    <message>
        <source>Replies per week</source>
        <translation>Vastaukset viikoittain</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>Viikko alkaen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Saatu</translation>
    </message>
    <message>
        <source>From the inbox, the last %1 weeks, for the networks and accounts chosen above (a label does not apply): replies, mentions, quotes and comments; answered means your answer went out from Some Studio. An entry marked done without an answer does not count as unanswered.</source>
        <translation>Saapuneista, viimeiset %1 viikkoa, yllä valituista kanavista ja tileistä (tunniste ei rajaa niitä): vastaukset, maininnat, lainaukset ja kommentit. Vastattu tarkoittaa, että vastauksesi lähti Some Studiosta. Valmiiksi merkittyä viestiä ei lasketa vastaamattomaksi, vaikka siihen ei olisi vastattu.</translation>
    </message>
</context>
<context>
    <name>ComposePage</name>
    <message>
        <source>New post</source>
        <translation>Uusi julkaisu</translation>
    </message>
    <message>
        <source>Show in calendar</source>
        <translation>Näytä kalenterissa</translation>
    </message>
    <message>
        <source>Where this post stands</source>
        <translation>Julkaisun tilanne</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Tallenna luonnos</translation>
    </message>
    <message>
        <source>Save draft (Ctrl+S)</source>
        <translation>Tallenna luonnos (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the draft</source>
        <translation>Tallenna luonnos</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Ajasta…</translation>
    </message>
    <message>
        <source>Save and choose when it goes out (%1)</source>
        <translation>Tallenna ja valitse julkaisuaika (%1)</translation>
    </message>
    <message>
        <source>Save and choose when it goes out</source>
        <translation>Tallenna ja valitse julkaisuaika</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Julkaise nyt</translation>
    </message>
    <message>
        <source>Save and publish at once (%1)</source>
        <translation>Tallenna ja julkaise heti (%1)</translation>
    </message>
    <message>
        <source>Save and publish at once</source>
        <translation>Tallenna ja julkaise heti</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Julkaisun teksti</translation>
    </message>
    <message>
        <source>Write your post once; fit it to each channel on the right.</source>
        <translation>Kirjoita julkaisu kerran; sovita se kuhunkin kanavaan oikealla.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Kieli:</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Ongelmat</translation>
    </message>
    <message>
        <source>Post to:</source>
        <translation>Julkaise tileille:</translation>
    </message>
    <message>
        <source>Accounts to post to</source>
        <translation>Tilit, joille julkaistaan</translation>
    </message>
    <message>
        <source>Accounts can&apos;t be changed once a post is scheduled or sent — unschedule it on the calendar first.</source>
        <translation>Tilejä ei voi vaihtaa, kun julkaisu on ajastettu tai lähetetty — peru ajastus ensin kalenterissa.</translation>
    </message>
    <message>
        <source>Published on every account: what went out can&apos;t be changed from here, so the text is read-only (labels can still be set). To post it again, duplicate it on the calendar.</source>
        <translation>Julkaistu kaikilla tileillä: julkaistua ei voi muuttaa täältä, joten tekstiä ei voi muokata (tunnisteita voi yhä lisätä). Jos haluat julkaista sen uudelleen, monista se kalenterissa.</translation>
    </message>
    <message>
        <source>Tick an account above to see its counter and preview.</source>
        <translation>Valitse tili yllä, niin näet sen merkkilaskurin ja esikatselun.</translation>
    </message>
    <message>
        <source>Bringing back your unsaved post…</source>
        <translation>Palautetaan tallentamatonta julkaisuasi…</translation>
    </message>
    <message>
        <source>That post no longer exists.</source>
        <translation>Julkaisua ei ole enää olemassa.</translation>
    </message>
    <message>
        <source>Nothing changed: the post stays scheduled.</source>
        <translation>Mitään ei muutettu: julkaisu pysyy ajastettuna.</translation>
    </message>
    <message>
        <source>Not scheduled. The post is kept as a draft.</source>
        <translation>Ei ajastettu. Julkaisu on tallessa luonnoksena.</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Vahvistus</translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation>Kirjoita ensin jotakin.</translation>
    </message>
    <message>
        <source>Saved, but meanwhile the post was published on %1 as it was before your changes: they did not go out there.</source>
        <translation>Tallennettu, mutta julkaisu ehdittiin sillä välin julkaista tilillä %1 sellaisena kuin se oli ennen muutoksiasi: muutokset eivät menneet sinne.</translation>
    </message>
    <message>
        <source>Draft saved to Drafts.</source>
        <translation>Luonnos tallennettu Luonnoksiin.</translation>
    </message>
    <message>
        <source>Not saved: this post is scheduled, and with these changes it could not go out. Fix this (your edits are still here), or unschedule it on the calendar first: %1</source>
        <translation>Ei tallennettu: julkaisu on ajastettu, eikä se näillä muutoksilla voisi lähteä. Korjaa tämä (muutoksesi ovat yhä tässä) tai peru ajastus ensin kalenterissa: %1</translation>
    </message>
    <message>
        <source>Previous post: %1</source>
        <translation>Edellinen julkaisu: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: the shared workspace cannot be reached. Your text stays here and is kept on this computer; save again once it is back.</source>
        <translation>Mitään ei tallennettu: yhteiseen työtilaan ei saada yhteyttä. Tekstisi pysyy tässä ja tallessa tällä tietokoneella; tallenna uudelleen, kun yhteys palaa.</translation>
    </message>
    <message>
        <source>Someone else saved that post meanwhile; your text was kept as a new draft and theirs was left as it was.</source>
        <translation>Joku muu tallensi julkaisun sillä välin; tekstisi säilytettiin uutena luonnoksena ja toisen versio jätettiin ennalleen.</translation>
    </message>
    <message>
        <source>Changes saved. These channels have their own text or thread, which the change to the main text does not reach: %1. Edit them in their tabs if needed (a thread: Split again).</source>
        <translation>Muutokset tallennettu. Näillä kanavilla on oma tekstinsä tai ketjunsa, johon perustekstin muutos ei ulotu: %1. Muokkaa niitä niiden välilehdillä tarvittaessa (ketju: Jaa uudelleen).</translation>
    </message>
    <message>
        <source>The scheduled post was left unchanged: your edits could not go out as they were, so they were kept as a new draft.</source>
        <translation>Ajastettu julkaisu jätettiin ennalleen: muutoksesi eivät olisi voineet lähteä sellaisinaan, joten ne säilytettiin uutena luonnoksena.</translation>
    </message>
    <message>
        <source>The scheduled post was left as it was saved: your unsaved edits were kept as a new draft.</source>
        <translation>Ajastettu julkaisu jätettiin sellaiseksi kuin se tallennettiin: tallentamattomat muutoksesi säilytettiin uutena luonnoksena.</translation>
    </message>
    <message>
        <source>This post was just saved elsewhere: shown as saved now.</source>
        <translation>Tämä julkaisu tallennettiin juuri muualla: näytetään nyt tallennettu versio.</translation>
    </message>
    <message>
        <source>This post was just saved elsewhere. Your changes here are kept; saving will show both versions.</source>
        <translation>Tämä julkaisu tallennettiin juuri muualla. Muutoksesi säilyvät tässä; tallentaessasi näet molemmat versiot.</translation>
    </message>
    <message>
        <source>Not saved yet: someone else saved this post meanwhile. Choose what to keep.</source>
        <translation>Ei vielä tallennettu: joku muu tallensi tämän julkaisun sillä välin. Valitse, mitä säilytetään.</translation>
    </message>
    <message>
        <source>Not saved: your text is still here. Saving again will show the other version again.</source>
        <translation>Ei tallennettu: tekstisi on yhä tässä. Kun tallennat uudelleen, toinen versio näytetään taas.</translation>
    </message>
    <message>
        <source>Your text was saved over the other version.</source>
        <translation>Tekstisi tallennettiin toisen version päälle.</translation>
    </message>
    <message>
        <source>Their version is open; your text was saved as a new draft.</source>
        <translation>Toisen versio on auki; tekstisi tallennettiin uudeksi luonnokseksi.</translation>
    </message>
    <message>
        <source>Your text was saved as a new draft (open here); their version was left as it was.</source>
        <translation>Tekstisi tallennettiin uudeksi luonnokseksi (auki tässä); toisen versio jätettiin ennalleen.</translation>
    </message>
    <message>
        <source>Unsaved work from your last session is back. The post was saved elsewhere since: saving will show both versions.</source>
        <translation>Edellisen istunnon tallentamaton työ on palautettu. Julkaisu on sen jälkeen tallennettu muualla: tallentaessasi näet molemmat versiot.</translation>
    </message>
    <message>
        <source>This post was deleted (Ctrl+Z brings it back); Ctrl+S keeps its text as a new draft.</source>
        <translation>Tämä julkaisu poistettiin (Ctrl+Z tuo sen takaisin); Ctrl+S säilyttää sen tekstin uutena luonnoksena.</translation>
    </message>
    <message>
        <source>Choose where it goes first.</source>
        <translation>Valitse ensin, minne julkaisu lähtee.</translation>
    </message>
    <message>
        <source>Changes saved.</source>
        <translation>Muutokset tallennettu.</translation>
    </message>
    <message>
        <source>Too long for %1: the part past the limit is marked red.</source>
        <translation>Liian pitkä: %1. Rajan ylittävä osa on merkitty punaisella.</translation>
    </message>
    <message>
        <source>Links %1 · Mentions %2 · Hashtags %3</source>
        <translation>Linkit %1 · Maininnat %2 · Aihetunnisteet %3</translation>
    </message>
    <message>
        <source>The checks failed: %1</source>
        <translation>Tarkistukset epäonnistuivat: %1</translation>
    </message>
    <message>
        <source>Could not keep unsaved work: %1</source>
        <translation>Tallentamatonta työtä ei voitu säilyttää: %1</translation>
    </message>
    <message>
        <source>The text has a broken character; remove it, then save again.</source>
        <translation>Tekstissä on rikkinäinen merkki; poista se ja tallenna uudelleen.</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Tallennus ei onnistunut: %1</translation>
    </message>
    <message>
        <source>That post was deleted elsewhere; your text was saved as a new draft.</source>
        <translation>Julkaisu poistettiin muualla; tekstisi tallennettiin uudeksi luonnokseksi.</translation>
    </message>
    <message>
        <source>That post no longer exists; nothing was saved.</source>
        <translation>Julkaisua ei ole enää olemassa; mitään ei tallennettu.</translation>
    </message>
    <message>
        <source>Your previous text was kept as a draft.</source>
        <translation>Edellinen tekstisi säilytettiin luonnoksena.</translation>
    </message>
    <message>
        <source>Edit post</source>
        <translation>Muokkaa julkaisua</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Tallenna muutokset</translation>
    </message>
    <message>
        <source>Part of the text could not be shown as it was (a broken character or more than %1 characters) and was changed.</source>
        <translation>Osaa tekstistä ei voitu näyttää sellaisenaan (rikkinäinen merkki tai yli %1 merkkiä), joten sitä muutettiin.</translation>
    </message>
    <message>
        <source>Unsaved work from your last session is back.</source>
        <translation>Edellisen istunnon tallentamaton työ on palautettu.</translation>
    </message>
    <message>
        <source>There is nothing to split yet.</source>
        <translation>Jaettavaa ei ole vielä.</translation>
    </message>
    <message>
        <source>Making a smaller copy…</source>
        <translation>Tehdään pienempää kopiota…</translation>
    </message>
    <message>
        <source>A smaller copy is attached; the original file is unchanged.</source>
        <translation>Pienempi kopio on liitetty; alkuperäinen tiedosto on ennallaan.</translation>
    </message>
    <message>
        <source>Could not shrink the image: %1</source>
        <translation>Kuvaa ei voitu pienentää: %1</translation>
    </message>
    <message>
        <source>The pasted text was cut to %1 characters (%2 left out); no network takes more.</source>
        <translation>Liitetty teksti katkaistiin %1 merkkiin (%2 jäi pois); mikään palvelu ei ota enempää.</translation>
    </message>
</context>
<context>
    <name>ComposerPage</name>
    <message>
        <source>First comment: %1</source>
        <translation>Ensimmäinen kommentti: %1</translation>
    </message>
</context>
<context>
    <name>ComposerTools</name>
    <message>
        <source>Template</source>
        <translation>Pohja</translation>
    </message>
    <message>
        <source>Hashtags</source>
        <translation>Aihetunnisteet</translation>
    </message>
    <message>
        <source>Signature / call to action</source>
        <translation>Allekirjoitus / toimintakehotus</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Tunnisteet</translation>
    </message>
    <message>
        <source>Tag links</source>
        <translation>Merkitse linkit</translation>
    </message>
    <message>
        <source>Add each channel&apos;s UTM tags to the links</source>
        <translation>Lisää linkkeihin kunkin kanavan UTM-tunnisteet</translation>
    </message>
    <message>
        <source>Paid collaboration</source>
        <translation>Kaupallinen yhteistyö</translation>
    </message>
    <message>
        <source>Save this text as a template…</source>
        <translation>Tallenna teksti pohjaksi…</translation>
    </message>
    <message>
        <source>New hashtag group…</source>
        <translation>Uusi aihetunnisteryhmä…</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Allekirjoitus</translation>
    </message>
    <message>
        <source>Call to action</source>
        <translation>Toimintakehotus</translation>
    </message>
    <message>
        <source>Tick an account that has a signature set</source>
        <translation>Valitse tili, jolle on asetettu allekirjoitus</translation>
    </message>
    <message>
        <source>Set a channel&apos;s signature…</source>
        <translation>Aseta kanavan allekirjoitus…</translation>
    </message>
    <message>
        <source>No labels yet: add them on the Plan page</source>
        <translation>Tunnisteita ei vielä ole: lisää niitä Suunnittelu-sivulla</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Pohjan nimi:</translation>
    </message>
    <message>
        <source>Hashtags:</source>
        <translation>Aihetunnisteet:</translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>Ryhmän nimi:</translation>
    </message>
    <message>
        <source>Call to action:</source>
        <translation>Toimintakehotus:</translation>
    </message>
    <message>
        <source>Signature for %1:</source>
        <translation>Allekirjoitus kanavalle %1:</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else saved this post</source>
        <translation>Joku muu tallensi tämän julkaisun</translation>
    </message>
    <message>
        <source>This post was saved on another computer or window after you opened it. Nothing was overwritten. Choose which text to keep; the other is not lost.</source>
        <translation>Tämä julkaisu tallennettiin toisella tietokoneella tai toisessa ikkunassa sen jälkeen, kun avasit sen. Mitään ei kirjoitettu yli. Valitse, kumpi teksti säilytetään; toinenkaan ei katoa.</translation>
    </message>
    <message>
        <source>Their saved text</source>
        <translation>Toisen tallentama teksti</translation>
    </message>
    <message>
        <source>Your text</source>
        <translation>Sinun tekstisi</translation>
    </message>
    <message>
        <source>Keep mine (overwrite)</source>
        <translation>Pidä omani (korvaa)</translation>
    </message>
    <message>
        <source>Take theirs (mine as a new draft)</source>
        <translation>Ota toisen versio (omani uudeksi luonnokseksi)</translation>
    </message>
    <message>
        <source>Save mine as a new draft</source>
        <translation>Tallenna omani uudeksi luonnokseksi</translation>
    </message>
    <message>
        <source>Cancel (keep editing)</source>
        <translation>Peruuta (jatka muokkausta)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect %1</source>
        <translation>Yhdistä %1</translation>
    </message>
    <message>
        <source>Connect “%1” to %2</source>
        <translation>Yhdistä ”%1” palveluun %2</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>Yhdistä uudelleen: %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lisää</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Yhdistä</translation>
    </message>
    <message>
        <source>Sign in with the browser…</source>
        <translation>Kirjaudu selaimessa…</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Kirjautumisosoite</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopioi</translation>
    </message>
    <message>
        <source>Copy the sign-in address</source>
        <translation>Kopioi kirjautumisosoite</translation>
    </message>
    <message>
        <source>The sign-in address is copied. Open it in a browser; this window waits.</source>
        <translation>Kirjautumisosoite on kopioitu. Avaa se selaimessa; tämä ikkuna odottaa.</translation>
    </message>
    <message>
        <source>You publish this account by hand now. Once you sign in, Some Studio publishes its posts itself at their times, the ones already scheduled too.</source>
        <translation>Julkaiset tätä tiliä nyt käsin. Kun kirjaudut sisään, Some Studio julkaisee sen julkaisut itse niiden ajankohtina, myös jo ajastetut.</translation>
    </message>
    <message>
        <source>You can also add %1 as an account you publish by hand: close this, then Add account, Publish by hand. Some Studio then reminds you when a post is due.</source>
        <translation>Voit myös lisätä palvelun %1 tiliksi, jolle julkaiset käsin: sulje tämä ja valitse Lisää tili, Julkaise käsin. Some Studio muistuttaa sinua, kun julkaisun aika tulee.</translation>
    </message>
    <message>
        <source>Finish signing in in your browser; this window waits for it. If no browser opened, open this address in a browser.</source>
        <translation>Viimeistele kirjautuminen selaimessa; tämä ikkuna odottaa sitä. Jos selain ei avautunut, avaa tämä osoite selaimessa.</translation>
    </message>
    <message>
        <source>No web browser could be opened. Open this address in a browser to sign in; this window waits for it.</source>
        <translation>Selainta ei voitu avata. Kirjaudu avaamalla tämä osoite selaimessa; tämä ikkuna odottaa sitä.</translation>
    </message>
    <message>
        <source>Sign in with your handle and an app password (Bluesky: Settings → Privacy and security → App passwords). Some Studio signs in once; the system keyring keeps only the session&apos;s renewal token, never the password.</source>
        <translation>Kirjaudu käyttäjänimelläsi ja sovellussalasanalla (Bluesky: Asetukset → Yksityisyys ja turvallisuus → Sovellussalasanat). Some Studio kirjautuu kerran; järjestelmän avainnippu säilyttää vain istunnon uusimistunnisteen, ei koskaan salasanaa.</translation>
    </message>
    <message>
        <source>Enter your server&apos;s address, then sign in with the browser — or paste an access token from your server&apos;s Preferences → Development. The server&apos;s own character limit is read for the composer.</source>
        <translation>Anna palvelimesi osoite ja kirjaudu selaimessa — tai liitä käyttöoikeustunniste palvelimesi kohdasta Asetukset → Kehitys. Palvelimen oma merkkiraja luetaan kirjoitusnäkymää varten.</translation>
    </message>
    <message>
        <source>Your Meta app can sign in to Instagram in one of two ways: choose below the one your app is set up for.

%1</source>
        <translation>Meta-sovelluksesi voi kirjautua Instagramiin kahdella tavalla: valitse alta se, jota varten sovelluksesi on määritetty.

%1</translation>
    </message>
    <message>
        <source>Paste a long-lived Threads access token made with your Meta app, with the permissions threads_basic, threads_content_publish, threads_manage_replies (the later posts of a thread are replies to the first), threads_manage_insights (for the numbers) and threads_read_replies (for the inbox). Some Studio renews the token before its 60 days run out, once it is a day old.

%1</source>
        <translation>Liitä Meta-sovelluksellasi tehty pitkäikäinen Threads-käyttöoikeustunniste, jolla on oikeudet threads_basic, threads_content_publish, threads_manage_replies (ketjun myöhemmät julkaisut ovat vastauksia ensimmäiseen), threads_manage_insights (lukuja varten) ja threads_read_replies (saapuneita varten). Some Studio uusii tunnisteen ennen kuin sen 60 päivää kuluvat umpeen, kun tunniste on vähintään vuorokauden vanha.

%1</translation>
    </message>
    <message>
        <source>%1 offers no way for this app to publish for you. At each post&apos;s time Some Studio reminds you and lists the post under Publish by hand, where you copy its text and open its media; you publish it yourself and mark it published.</source>
        <translation>%1 ei tarjoa tälle sovellukselle tapaa julkaista puolestasi. Kunkin julkaisun aikaan Some Studio muistuttaa sinua ja näyttää julkaisun Julkaise käsin -listassa, josta kopioit tekstin ja avaat mediat; julkaiset sen itse ja merkitset julkaistuksi.</translation>
    </message>
    <message>
        <source>Images: %1 does not take uploads from this computer. It fetches each image from a public web address, so put the post&apos;s images in a public folder (your website, for example) and enter that folder&apos;s address below. Posts with images are refused before sending while no address is set; text goes out either way.</source>
        <translation>Kuvat: %1 ei ota vastaan latauksia tästä tietokoneesta. Se hakee jokaisen kuvan julkisesta verkko-osoitteesta, joten laita julkaisun kuvat julkiseen kansioon (esimerkiksi verkkosivuillesi) ja anna kansion osoite alla. Kuvia sisältäviä julkaisuja ei lähetetä ennen kuin osoite on asetettu; teksti lähtee joka tapauksessa.</translation>
    </message>
    <message>
        <source>How your app signs in to Instagram</source>
        <translation>Miten sovelluksesi kirjautuu Instagramiin</translation>
    </message>
    <message>
        <source>Instagram Login (no Page needed)</source>
        <translation>Instagram-kirjautuminen (ei vaadi sivua)</translation>
    </message>
    <message>
        <source>Facebook Login (through a Page)</source>
        <translation>Facebook-kirjautuminen (sivun kautta)</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Kirjautuminen</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Käyttäjänimi</translation>
    </message>
    <message>
        <source>e.g. aurinko.bsky.social</source>
        <translation>esim. aurinko.bsky.social</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>Sovellussalasana</translation>
    </message>
    <message>
        <source>Server (optional)</source>
        <translation>Palvelin (valinnainen)</translation>
    </message>
    <message>
        <source>https://bsky.social</source>
        <translation>https://bsky.social</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Palvelimen osoite</translation>
    </message>
    <message>
        <source>e.g. mastodon.social</source>
        <translation>esim. mastodon.social</translation>
    </message>
    <message>
        <source>Access token (if not using the browser)</source>
        <translation>Käyttöoikeustunniste (jos et kirjaudu selaimessa)</translation>
    </message>
    <message>
        <source>Your app&apos;s client id</source>
        <translation>Sovelluksesi asiakastunnus</translation>
    </message>
    <message>
        <source>Callback port</source>
        <translation>Paluuportti</translation>
    </message>
    <message>
        <source>Callback address</source>
        <translation>Paluuosoite</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Tilin nimi</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Käyttöoikeustunniste</translation>
    </message>
    <message>
        <source>Facebook Page id</source>
        <translation>Facebook-sivun tunnus</translation>
    </message>
    <message>
        <source>Page id (optional)</source>
        <translation>Sivun tunnus (valinnainen)</translation>
    </message>
    <message>
        <source>Days the token is still valid</source>
        <translation>Tunnisteen voimassaolopäiviä jäljellä</translation>
    </message>
    <message>
        <source>Public image folder address</source>
        <translation>Julkisen kuvakansion osoite</translation>
    </message>
    <message>
        <source>X needs your own app from the X developer portal (type: native app, a public client). Add the callback address below to the app, enter its client id and sign in with the browser. No client secret is needed or stored.

The X API is pay-per-use: every post and upload is paid from the credits of your own app, so buy credits in X&apos;s Developer Console first, or posts are refused.</source>
        <translation>X vaatii oman sovelluksesi X:n kehittäjäportaalista (tyyppi: natiivisovellus, julkinen asiakas). Lisää alla oleva paluuosoite sovellukseen, anna sen asiakastunnus ja kirjaudu selaimessa. Asiakassalaisuutta ei tarvita eikä tallenneta.

X:n rajapinta on käytön mukaan maksullinen: jokainen julkaisu ja lataus maksetaan oman sovelluksesi krediiteillä, joten osta ensin krediittejä X:n Developer Consolesta, tai julkaisut torjutaan.</translation>
    </message>
    <message>
        <source>Paste an access token made with your LinkedIn app&apos;s token generator: scope w_member_social to post as yourself, or w_organization_social to post as a page (and enter its page id).

To post as yourself, either add the scopes openid and profile to the token, so Some Studio can read your member id, or enter your member id below. LinkedIn tokens last 60 days and cannot be renewed here: the Accounts page counts down and warns a week ahead.</source>
        <translation>Liitä LinkedIn-sovelluksesi tunnistegeneraattorilla tehty käyttöoikeustunniste: oikeus w_member_social omiin julkaisuihin tai w_organization_social sivun nimissä julkaisemiseen (anna silloin myös sivun tunnus).

Jos julkaiset omissa nimissäsi, lisää tunnisteeseen myös oikeudet openid ja profile, jotta Some Studio voi lukea jäsentunnuksesi, tai anna jäsentunnuksesi alla. LinkedInin tunnisteet ovat voimassa 60 päivää eikä niitä voi uusia täällä: Tilit-sivu laskee jäljellä olevat päivät ja varoittaa viikkoa ennen.</translation>
    </message>
    <message>
        <source>Paste an access token made with your Pinterest app, load your boards and choose the one to pin to. A pin needs an image.

A newly approved Pinterest app has Trial access: Pinterest refuses its pins on the real site and takes them only in its API Sandbox, where only you see them. Until Pinterest grants your app Standard access, tick “Use Pinterest&apos;s API Sandbox” and use a sandbox token from your app&apos;s page.

Tokens expire (usually after 30 days). With your app&apos;s id and secret and a refresh token, Some Studio renews the token itself; otherwise the Accounts page warns a week before it lapses.</source>
        <translation>Liitä Pinterest-sovelluksellasi tehty käyttöoikeustunniste, hae taulusi ja valitse taulu, johon kiinnitetään. Pin tarvitsee kuvan.

Juuri hyväksytyllä Pinterest-sovelluksella on kokeilutason käyttöoikeus (Trial): Pinterest ei hyväksy sen pinejä varsinaiseen palveluun vaan ainoastaan API-hiekkalaatikkoonsa (API Sandbox), jossa vain sinä näet ne. Kunnes Pinterest myöntää sovelluksellesi vakiotason käyttöoikeuden (Standard), valitse ”Käytä Pinterestin API-hiekkalaatikkoa” ja käytä sovelluksesi sivulta saatavaa hiekkalaatikkotunnistetta.

Tunnisteet vanhenevat (yleensä 30 päivässä). Kun annat sovelluksesi tunnuksen ja salaisuuden sekä uusimistunnisteen, Some Studio uusii tunnisteen itse; muuten Tilit-sivu varoittaa viikkoa ennen sen vanhenemista.</translation>
    </message>
    <message>
        <source>Member id (optional)</source>
        <translation>Jäsentunnus (valinnainen)</translation>
    </message>
    <message>
        <source>urn:li:person:… or just the id</source>
        <translation>urn:li:person:… tai pelkkä tunnus</translation>
    </message>
    <message>
        <source>Paste a long-lived Page access token made with your Meta app, with the permissions pages_manage_posts and pages_read_engagement, and for the inbox pages_read_user_content (to read comments) and pages_manage_engagement (to answer them as the Page). Optionally let Facebook publish scheduled posts itself, so they go out while this computer is off.</source>
        <translation>Liitä Meta-sovelluksellasi tehty pitkäikäinen sivun käyttöoikeustunniste, jolla on oikeudet pages_manage_posts ja pages_read_engagement sekä saapuneita varten pages_read_user_content (kommenttien lukemiseen) ja pages_manage_engagement (niihin vastaamiseen sivun nimissä). Voit halutessasi antaa Facebookin julkaista ajastetut julkaisut itse, jolloin ne lähtevät myös tämän tietokoneen ollessa sammuksissa.</translation>
    </message>
    <message>
        <source>Instagram Login: your app uses the “Instagram API with Instagram Login”. In the app&apos;s dashboard choose Instagram → API setup with Instagram business login → Generate token, with the permissions instagram_business_basic and instagram_business_content_publish, and for the inbox instagram_business_manage_comments. Some Studio renews the token before its 60 days run out.</source>
        <translation>Instagram-kirjautuminen: sovelluksesi käyttää rajapintaa ”Instagram API with Instagram Login”. Valitse sovelluksen hallintapaneelissa Instagram → API setup with Instagram business login → Generate token ja anna oikeudet instagram_business_basic ja instagram_business_content_publish sekä saapuneita varten instagram_business_manage_comments. Some Studio uusii tunnisteen ennen kuin sen 60 päivää kuluvat umpeen.</translation>
    </message>
    <message>
        <source>Facebook Login: your app uses the “Instagram API with Facebook Login”, and your Instagram professional account is connected to a Facebook Page. Paste a long-lived token with the permissions instagram_basic, instagram_content_publish, pages_show_list and pages_read_engagement, and for the inbox instagram_manage_comments, and enter the Page&apos;s id: Some Studio finds the Instagram account through the Page.</source>
        <translation>Facebook-kirjautuminen: sovelluksesi käyttää rajapintaa ”Instagram API with Facebook Login”, ja Instagramin ammattilaistilisi on liitetty Facebook-sivuun. Liitä pitkäikäinen tunniste, jolla on oikeudet instagram_basic, instagram_content_publish, pages_show_list ja pages_read_engagement sekä saapuneita varten instagram_manage_comments, ja anna sivun tunnus: Some Studio löytää Instagram-tilin sivun kautta.</translation>
    </message>
    <message>
        <source>e.g. https://example.com/images/</source>
        <translation>esim. https://example.com/kuvat/</translation>
    </message>
    <message>
        <source>Use Pinterest&apos;s API Sandbox (Trial access)</source>
        <translation>Käytä Pinterestin API-hiekkalaatikkoa (Trial-taso)</translation>
    </message>
    <message>
        <source>Pins go to Pinterest&apos;s API Sandbox, where only you see them. Needed while your Pinterest app has Trial access; needs a sandbox token.</source>
        <translation>Pinit menevät Pinterestin API-hiekkalaatikkoon, jossa vain sinä näet ne. Tarpeen niin kauan kuin Pinterest-sovelluksellasi on Trial-tason käyttöoikeus; vaatii hiekkalaatikkotunnisteen.</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Taulu</translation>
    </message>
    <message>
        <source>Load boards</source>
        <translation>Hae taulut</translation>
    </message>
    <message>
        <source>App id (optional, for renewal)</source>
        <translation>Sovelluksen tunnus (valinnainen, uusimista varten)</translation>
    </message>
    <message>
        <source>App secret (optional, for renewal)</source>
        <translation>Sovelluksen salaisuus (valinnainen, uusimista varten)</translation>
    </message>
    <message>
        <source>Refresh token (optional, for renewal)</source>
        <translation>Uusimistunniste (valinnainen, uusimista varten)</translation>
    </message>
    <message>
        <source>Name shown in Some Studio (optional)</source>
        <translation>Some Studiossa näkyvä nimi (valinnainen)</translation>
    </message>
    <message>
        <source>Let the server publish scheduled posts</source>
        <translation>Anna palvelimen julkaista ajastetut julkaisut</translation>
    </message>
    <message>
        <source>Posts scheduled at least 10 minutes ahead are handed to the server, which publishes them even while this computer is off. Later edits here do not reach the server&apos;s copy.</source>
        <translation>Vähintään 10 minuuttia etukäteen ajastetut julkaisut annetaan palvelimelle, joka julkaisee ne myös tämän tietokoneen ollessa sammuksissa. Myöhemmät muutokset täällä eivät päivity palvelimen kopioon.</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Yhdistetty.</translation>
    </message>
    <message>
        <source>Enter the account&apos;s name.</source>
        <translation>Anna tilin nimi.</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Lisätään…</translation>
    </message>
    <message>
        <source>Enter the handle and an app password.</source>
        <translation>Anna käyttäjänimi ja sovellussalasana.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Kirjaudutaan…</translation>
    </message>
    <message>
        <source>Paste the access token.</source>
        <translation>Liitä käyttöoikeustunniste.</translation>
    </message>
    <message>
        <source>Enter the id of the Facebook Page.</source>
        <translation>Anna Facebook-sivun tunnus.</translation>
    </message>
    <message>
        <source>Load your boards and choose one.</source>
        <translation>Hae taulusi ja valitse yksi.</translation>
    </message>
    <message>
        <source>Checking the token…</source>
        <translation>Tarkistetaan tunnistetta…</translation>
    </message>
    <message>
        <source>Enter your server&apos;s address first.</source>
        <translation>Anna ensin palvelimesi osoite.</translation>
    </message>
    <message>
        <source>Preparing the sign-in…</source>
        <translation>Valmistellaan kirjautumista…</translation>
    </message>
    <message>
        <source>Paste the access token first.</source>
        <translation>Liitä ensin käyttöoikeustunniste.</translation>
    </message>
    <message>
        <source>Loading boards…</source>
        <translation>Haetaan tauluja…</translation>
    </message>
    <message>
        <source>Choose the board to pin to.</source>
        <translation>Valitse taulu, johon kiinnitetään.</translation>
    </message>
    <message>
        <source>No boards found.</source>
        <translation>Tauluja ei löytynyt.</translation>
    </message>
</context>
<context>
    <name>ConnectErrorText</name>
    <message>
        <source>Could not reach %1. Check the internet connection and try again.</source>
        <translation>Palveluun %1 ei saatu yhteyttä. Tarkista internetyhteys ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>Could not make a secure connection to %1. Check that the computer&apos;s date and time are right and that the network does not intercept connections, then try again.</source>
        <translation>Palveluun %1 ei saatu suojattua yhteyttä. Tarkista, että tietokoneen päivämäärä ja kellonaika ovat oikein ja ettei verkko sieppaa yhteyksiä, ja yritä sitten uudelleen.</translation>
    </message>
    <message>
        <source>%1 did not answer in time. Try again in a moment.</source>
        <translation>%1 ei vastannut ajoissa. Yritä hetken päästä uudelleen.</translation>
    </message>
    <message>
        <source>The connection to %1 broke. Check the internet connection and try again.</source>
        <translation>Yhteys palveluun %1 katkesi. Tarkista internetyhteys ja yritä uudelleen.</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Conversation</source>
        <translation>Keskustelu</translation>
    </message>
    <message>
        <source>Choose an entry to read the conversation.</source>
        <translation>Valitse viesti, niin näet keskustelun.</translation>
    </message>
    <message>
        <source>You liked this.</source>
        <translation>Tykkäsit tästä.</translation>
    </message>
    <message>
        <source>Hidden: only its author still sees it.</source>
        <translation>Piilotettu: enää vain kirjoittaja näkee sen.</translation>
    </message>
    <message>
        <source>Reading this account&apos;s inbox: %1</source>
        <translation>Tämän tilin viestien lukeminen: %1</translation>
    </message>
    <message>
        <source>Your post</source>
        <translation>Julkaisusi</translation>
    </message>
    <message>
        <source>Open on the network</source>
        <translation>Avaa palvelussa</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Vastauksesi</translation>
    </message>
</context>
<context>
    <name>CounterChip</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Show the text for %1</source>
        <translation>Näytä tilin %1 teksti</translation>
    </message>
</context>
<context>
    <name>CounterStrip</name>
    <message>
        <source>Counters</source>
        <translation>Laskurit</translation>
    </message>
    <message numerus="yes">
        <source>%n posts</source>
        <translation>
            <numerusform>%n julkaisu</numerusform>
            <numerusform>%n julkaisua</numerusform>
        </translation>
    </message>
    <message>
        <source>too long</source>
        <translation>liian pitkä</translation>
    </message>
    <message>
        <source>see problems</source>
        <translation>katso ongelmat</translation>
    </message>
</context>
<context>
    <name>DayEdit</name>
    <message>
        <source>in January %1</source>
        <translation>tammikuussa %1</translation>
    </message>
    <message>
        <source>in February %1</source>
        <translation>helmikuussa %1</translation>
    </message>
    <message>
        <source>in March %1</source>
        <translation>maaliskuussa %1</translation>
    </message>
    <message>
        <source>in April %1</source>
        <translation>huhtikuussa %1</translation>
    </message>
    <message>
        <source>in May %1</source>
        <translation>toukokuussa %1</translation>
    </message>
    <message>
        <source>in June %1</source>
        <translation>kesäkuussa %1</translation>
    </message>
    <message>
        <source>in July %1</source>
        <translation>heinäkuussa %1</translation>
    </message>
    <message>
        <source>in August %1</source>
        <translation>elokuussa %1</translation>
    </message>
    <message>
        <source>in September %1</source>
        <translation>syyskuussa %1</translation>
    </message>
    <message>
        <source>in October %1</source>
        <translation>lokakuussa %1</translation>
    </message>
    <message>
        <source>in November %1</source>
        <translation>marraskuussa %1</translation>
    </message>
    <message>
        <source>in December %1</source>
        <translation>joulukuussa %1</translation>
    </message>
    <message>
        <source>The day %1 is outside the years %2–%3.</source>
        <translation>Päivä %1 ei ole vuosien %2–%3 välillä.</translation>
    </message>
    <message>
        <source>“%1” is not a day: there are %3 days %2.</source>
        <translation>”%1” ei ole päivämäärä: %2 on %3 päivää.</translation>
    </message>
    <message>
        <source>“%1” is not a day: write it like %2.</source>
        <translation>”%1” ei ole päivämäärä: kirjoita se muodossa %2.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Mitään ei tallennettu.</translation>
    </message>
</context>
<context>
    <name>DeliverableDialog</name>
    <message>
        <source>Add a post to the collaboration</source>
        <translation>Lisää julkaisu yhteistyöhön</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Palvelu</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Viimeistään</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Julkaisu</translation>
    </message>
    <message>
        <source>A new draft with the marking</source>
        <translation>Uusi luonnos merkinnän kanssa</translation>
    </message>
    <message>
        <source>Add post</source>
        <translation>Lisää julkaisu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peru</translation>
    </message>
    <message>
        <source>The post is made as a draft marked as paid, opening with the paid-partnership marking; write the rest in Compose. Or choose a post you have already written: it is marked as paid, and its marking and the partner&apos;s name are checked.</source>
        <translation>Julkaisusta tehdään maksetuksi merkitty luonnos, joka alkaa kaupallisen yhteistyön merkinnällä; kirjoita loput Kirjoita-sivulla. Tai valitse jo kirjoittamasi julkaisu: se merkitään maksetuksi, ja sen merkintä ja kumppanin nimi tarkistetaan.</translation>
    </message>
    <message>
        <source>Add an account on the Accounts page first.</source>
        <translation>Lisää ensin tili Tilit-sivulla.</translation>
    </message>
</context>
<context>
    <name>DeliveryState</name>
    <message>
        <source>Draft</source>
        <translation>Luonnos</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Ajastettu</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Julkaistaan</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Julkaistu</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Epäonnistui</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Vaatii huomiota</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Myöhästynyt</translation>
    </message>
    <message>
        <source>Returned for changes</source>
        <translation>Palautettu muutettavaksi</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Odottaa hyväksyntää</translation>
    </message>
    <message>
        <source>To publish by hand</source>
        <translation>Julkaistavana käsin</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>Demo: sample posts, accounts and figures to try things on. Nothing here is kept: what you write or change is deleted when you quit. Your own data is not touched.</source>
        <translation>Esittely: esimerkkijulkaisuja, -tilejä ja -lukuja kokeiltavaksi. Mitään ei säilytetä: kaikki, mitä kirjoitat tai muutat, poistetaan, kun lopetat. Omiin tietoihisi ei kosketa.</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Esittelyaineisto</translation>
    </message>
</context>
<context>
    <name>DraftActions</name>
    <message>
        <source>Draft deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>Luonnos poistettu. Kumoa (Ctrl+Z) tuo sen takaisin.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Poista luonnos</translation>
    </message>
    <message>
        <source>Schedule draft for %1</source>
        <translation>Ajasta luonnos: %1</translation>
    </message>
    <message numerus="yes">
        <source>Scheduled for %1 on %n accounts.</source>
        <translation>
            <numerusform>Ajastettu %1 %n tilille.</numerusform>
            <numerusform>Ajastettu %1 %n tilille.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not scheduled for every account. The text has errors for these, so they stay drafts at %1 until you fix them:</source>
        <translation>Julkaisua ei ajastettu kaikille tileille. Tekstissä on virheitä näille tileille, joten ne jäävät luonnoksiksi ajalle %1, kunnes korjaat ne:</translation>
    </message>
    <message>
        <source>Nothing was scheduled: the text has errors for every account it goes to. It stays a draft at %1; open it to fix:</source>
        <translation>Mitään ei ajastettu: tekstissä on virheitä jokaiselle tilille, jolle se on menossa. Se jää luonnokseksi ajalle %1; avaa se ja korjaa:</translation>
    </message>
    <message>
        <source>Errors block scheduling</source>
        <translation>Virheet estävät ajastuksen</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Se ei onnistunut</translation>
    </message>
    <message>
        <source>That time has already passed. Drop the draft on a later time.</source>
        <translation>Se aika on jo mennyt. Pudota luonnos myöhempään aikaan.</translation>
    </message>
    <message>
        <source>The scheduler is still starting; try again in a moment.</source>
        <translation>Ajastin käynnistyy vielä; yritä hetken päästä uudelleen.</translation>
    </message>
    <message>
        <source>That draft no longer exists.</source>
        <translation>Luonnosta ei enää ole.</translation>
    </message>
    <message>
        <source>This draft has no account to go to. Open it, tick an account, then drop it again.</source>
        <translation>Luonnokselle ei ole valittu tiliä. Avaa se, valitse tili ja pudota se sitten uudelleen.</translation>
    </message>
    <message>
        <source>Part of it was published meanwhile; that part stays as it is.</source>
        <translation>Osa siitä julkaistiin sillä välin; se osa jää ennalleen.</translation>
    </message>
</context>
<context>
    <name>DraftsDock</name>
    <message>
        <source>Drafts</source>
        <translation>Luonnokset</translation>
    </message>
    <message>
        <source>&amp;Drafts</source>
        <translation>&amp;Luonnokset</translation>
    </message>
    <message>
        <source>Show or hide the drafts (%1)</source>
        <translation>Näytä tai piilota luonnokset (%1)</translation>
    </message>
    <message>
        <source>Close the drafts</source>
        <translation>Sulje luonnokset</translation>
    </message>
    <message>
        <source>Show drafts</source>
        <translation>Näytä luonnokset</translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message>
        <source>(no text)</source>
        <translation>(ei tekstiä)</translation>
    </message>
    <message>
        <source>No account chosen</source>
        <translation>Tiliä ei ole valittu</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n errors: %1</source>
        <translation>
            <numerusform>⚠ %n virhe: %1</numerusform>
            <numerusform>⚠ %n virhettä: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n varoitus</numerusform>
            <numerusform>%n varoitusta</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Ei ongelmia</translation>
    </message>
</context>
<context>
    <name>DraftsPanel</name>
    <message>
        <source>Drafts</source>
        <translation>Luonnokset</translation>
    </message>
    <message>
        <source>Posts not yet on a day. Drag one onto a day or a time in the calendar, or choose Put on a day…, to schedule it.</source>
        <translation>Julkaisut, joilla ei vielä ole päivää. Ajasta luonnos vetämällä se kalenterin päivän tai kellonajan kohdalle, tai valitse Aseta päivälle…</translation>
    </message>
    <message>
        <source>Actions of the chosen draft</source>
        <translation>Valitun luonnoksen toiminnot</translation>
    </message>
    <message>
        <source>No drafts without a day. Write in Compose and choose Save draft: the post waits here until you schedule it. (Drafts put on a day are in the calendar, marked ✎.)</source>
        <translation>Ei päivättömiä luonnoksia. Kirjoita julkaisu Kirjoita-sivulla ja valitse Tallenna luonnos: se odottaa täällä, kunnes ajastat sen. (Päivälle asetetut luonnokset ovat kalenterissa merkillä ✎.)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avaa</translation>
    </message>
    <message>
        <source>Open draft</source>
        <translation>Avaa luonnos</translation>
    </message>
    <message>
        <source>Open the draft in Compose (Enter)</source>
        <translation>Avaa luonnos Kirjoita-sivulle (Enter)</translation>
    </message>
    <message>
        <source>Put on a day…</source>
        <translation>Aseta päivälle…</translation>
    </message>
    <message>
        <source>Put draft on a day</source>
        <translation>Aseta luonnos päivälle</translation>
    </message>
    <message>
        <source>Choose a day and a time for the draft, as dropping it on the calendar does</source>
        <translation>Valitse luonnokselle päivä ja kellonaika, kuten sen pudottaminen kalenteriin tekee</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Poista luonnos</translation>
    </message>
    <message>
        <source>Delete the draft (%1); Undo brings it back</source>
        <translation>Poista luonnos (%1); Kumoa tuo sen takaisin</translation>
    </message>
    <message>
        <source>Delete the selected draft</source>
        <translation>Poista valittu luonnos</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Avaa</translation>
    </message>
    <message>
        <source>&amp;Put on a day…</source>
        <translation>Ase&amp;ta päivälle…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Poista</translation>
    </message>
    <message>
        <source>Could not read the drafts: %1</source>
        <translation>Luonnoksia ei voitu lukea: %1</translation>
    </message>
    <message>
        <source>Drafts (%1)</source>
        <translation>Luonnokset (%1)</translation>
    </message>
</context>
<context>
    <name>EmptyHint</name>
    <message>
        <source>No accounts yet — add one so your posts have somewhere to go: a Local archive or a publish-by-hand account needs no sign-in.</source>
        <translation>Ei vielä tilejä — lisää tili, jotta julkaisuillasi on minne mennä: paikallinen arkisto tai käsin julkaistava tili ei vaadi kirjautumista.</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Lisää tili</translation>
    </message>
    <message>
        <source>No posts yet — press %1 to write your first post.</source>
        <translation>Ei vielä julkaisuja — kirjoita ensimmäinen julkaisusi painamalla %1.</translation>
    </message>
    <message>
        <source>Write your first post</source>
        <translation>Kirjoita ensimmäinen julkaisu</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Clear the filters</source>
        <translation>Tyhjennä suodattimet</translation>
    </message>
    <message>
        <source>Show every open entry again</source>
        <translation>Näytä taas kaikki avoimet</translation>
    </message>
    <message>
        <source>Nothing here yet. New replies and mentions come in by themselves.</source>
        <translation>Täällä ei ole vielä mitään. Uudet vastaukset ja maininnat tulevat tänne itsestään.</translation>
    </message>
    <message>
        <source>All done: every entry is marked done. New replies and mentions come in by themselves.</source>
        <translation>Kaikki hoidettu: jokainen merkitty valmiiksi. Uudet vastaukset ja maininnat tulevat tänne itsestään.</translation>
    </message>
    <message>
        <source>Nothing matches these filters. Other entries are hidden by the search or the filters above.</source>
        <translation>Mikään ei vastaa näitä suodattimia. Yllä oleva haku tai suodattimet piilottavat muut.</translation>
    </message>
</context>
<context>
    <name>EntryActions</name>
    <message>
        <source>Like</source>
        <translation>Tykkää</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Piilota</translation>
    </message>
    <message>
        <source>Like their post on the network (f)</source>
        <translation>Tykkää julkaisusta palvelussa (f)</translation>
    </message>
    <message>
        <source>Hide the comment from everyone but its author (h)</source>
        <translation>Piilota kommentti kaikilta paitsi sen kirjoittajalta (h)</translation>
    </message>
    <message>
        <source>Liked</source>
        <translation>Tykätty</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Piilotettu</translation>
    </message>
    <message>
        <source>You liked this from Some Studio.</source>
        <translation>Tykkäsit tästä Some Studiosta.</translation>
    </message>
    <message>
        <source>Hidden: only its author still sees it.</source>
        <translation>Piilotettu: enää vain kirjoittaja näkee sen.</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Enter numbers</source>
        <translation>Syötä luvut</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Julkaisu</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Tykkäykset</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Näyttökerrat</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tili</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Seuraajat</translation>
    </message>
    <message>
        <source>e.g. Blog views</source>
        <translation>esim. Blogin lukukerrat</translation>
    </message>
    <message>
        <source>Reposts or shares</source>
        <translation>Jaot</translation>
    </message>
    <message>
        <source>Replies or comments</source>
        <translation>Vastaukset tai kommentit</translation>
    </message>
    <message>
        <source>Saves</source>
        <translation>Tallennukset</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Sarja</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <source>A post</source>
        <translation>Julkaisu</translation>
    </message>
    <message>
        <source>An account</source>
        <translation>Tili</translation>
    </message>
    <message>
        <source>Other numbers</source>
        <translation>Muut luvut</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Päivämäärä</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontaktit</translation>
    </message>
    <message>
        <source>There is no published post to enter numbers for.</source>
        <translation>Julkaistua julkaisua, jolle luvut syötettäisiin, ei ole.</translation>
    </message>
    <message>
        <source>Enter at least one number.</source>
        <translation>Syötä vähintään yksi luku.</translation>
    </message>
    <message>
        <source>Choose an account and enter its contacts.</source>
        <translation>Valitse tili ja syötä sen kontaktien määrä.</translation>
    </message>
    <message>
        <source>Choose an account and enter its followers.</source>
        <translation>Valitse tili ja syötä sen seuraajamäärä.</translation>
    </message>
    <message>
        <source>Give the series a name.</source>
        <translation>Anna sarjalle nimi.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message numerus="yes">
        <source>%n of the times need a decision:</source>
        <translation>
            <numerusform>%n ajoista vaatii päätöksen:</numerusform>
            <numerusform>%n ajoista vaativat päätöksen:</numerusform>
        </translation>
    </message>
    <message>
        <source>The repeat gives no dates in that range.</source>
        <translation>Toistosta ei tule yhtään päivää sille välille.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Valitse vähintään yksi tili.</translation>
    </message>
    <message>
        <source>This post is already published on every account. To post it again, duplicate it (the calendar&apos;s Duplicate).</source>
        <translation>Tämä julkaisu on jo julkaistu kaikilla tileillä. Jos haluat julkaista sen uudelleen, monista se (kalenterin Monista).</translation>
    </message>
    <message>
        <source>This post has no account to go to; choose one first.</source>
        <translation>Julkaisulla ei ole tiliä, jolle se lähtisi; valitse ensin tili.</translation>
    </message>
    <message>
        <source>Post %1 no longer exists.</source>
        <translation>Julkaisua %1 ei ole enää olemassa.</translation>
    </message>
    <message>
        <source>Post %1 is not deleted.</source>
        <translation>Julkaisua %1 ei ole poistettu.</translation>
    </message>
    <message>
        <source>Account %1 no longer exists.</source>
        <translation>Tiliä %1 ei ole enää olemassa.</translation>
    </message>
    <message>
        <source>The account to connect is no longer here.</source>
        <translation>Yhdistettävää tiliä ei ole enää.</translation>
    </message>
    <message>
        <source>This sign-in is for %1, not for %2. Sign in as %2, or add %1 as a new account.</source>
        <translation>Tämä kirjautuminen on tilille %1, ei tilille %2. Kirjaudu tilinä %2 tai lisää %1 uutena tilinä.</translation>
    </message>
    <message>
        <source>%1 is already another account here. Remove one of the two first, then connect again.</source>
        <translation>%1 on jo täällä toisena tilinä. Poista ensin toinen niistä ja yhdistä sitten uudelleen.</translation>
    </message>
    <message>
        <source>That post no longer exists.</source>
        <translation>Julkaisua ei ole enää olemassa.</translation>
    </message>
    <message>
        <source>That cannot be done now: the post is being published.</source>
        <translation>Sitä ei voi tehdä nyt: julkaisua julkaistaan parhaillaan.</translation>
    </message>
    <message>
        <source>That cannot be done: the post has already been published.</source>
        <translation>Sitä ei voi tehdä: julkaisu on jo julkaistu.</translation>
    </message>
    <message>
        <source>That cannot be done to a post in this state.</source>
        <translation>Sitä ei voi tehdä julkaisulle, joka on tässä tilassa.</translation>
    </message>
    <message>
        <source>This account has no posting slots; set them in Accounts.</source>
        <translation>Tilillä ei ole julkaisuaikoja; aseta ne Tilit-sivulla.</translation>
    </message>
    <message>
        <source>No posting slots for %1. Set them in Accounts, or choose a time here.</source>
        <translation>Julkaisuajat puuttuvat: %1. Aseta ne Tileissä tai valitse aika tässä.</translation>
    </message>
    <message>
        <source>There is no free posting slot in the next year.</source>
        <translation>Seuraavan vuoden aikana ei ole vapaata julkaisuaikaa.</translation>
    </message>
    <message>
        <source>The post is empty: write some text or add an image.</source>
        <translation>Julkaisu on tyhjä: kirjoita tekstiä tai lisää kuva.</translation>
    </message>
    <message>
        <source>A scheduled time needs a time zone.</source>
        <translation>Ajastettu aika tarvitsee aikavyöhykkeen.</translation>
    </message>
    <message>
        <source>“%1”: write the days and then a time, for example “Mon, Wed, Fri 09:00”.</source>
        <translation>”%1”: kirjoita ensin päivät ja sitten kellonaika, esimerkiksi ”ma, ke, pe 9.00”.</translation>
    </message>
    <message>
        <source>“%1” is not a time of day: write it like %2 or %3.</source>
        <translation>”%1” ei ole kellonaika: kirjoita se muodossa %2 tai %3.</translation>
    </message>
    <message>
        <source>“%1” is not a day name (Mon, Tue, … or ma, ti, …).</source>
        <translation>”%1” ei ole viikonpäivän nimi (ma, ti, … tai Mon, Tue, …).</translation>
    </message>
    <message>
        <source>No secure keyring is available, and Some Studio keeps sign-ins only there, so it cannot connect this account. Set up the system keyring (GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager), then try again. A Local archive or a publish-by-hand account works without one.</source>
        <translation>Turvallista avainnippua ei ole käytettävissä, ja Some Studio säilyttää kirjautumiset vain siellä, joten tätä tiliä ei voi yhdistää. Ota järjestelmän avainnippu käyttöön (GNOME Keyring, KWallet, macOS Keychain tai Windows Credential Manager) ja yritä uudelleen. Paikallinen arkisto tai käsin julkaistava tili toimii ilman sitä.</translation>
    </message>
    <message>
        <source>The system keyring refused (it said: “%1”). If it asked for its password, unlock it and try again.</source>
        <translation>Järjestelmän avainnippu kieltäytyi (se sanoi: ”%1”). Jos se kysyi salasanaansa, avaa se ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>The system keyring did not answer. It may be locked, with a window asking for its password: unlock it and try again.</source>
        <translation>Järjestelmän avainnippu ei vastannut. Se voi olla lukittu, ja ikkuna kysyy sen salasanaa: avaa se ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>Choose at least one weekday.</source>
        <translation>Valitse vähintään yksi viikonpäivä.</translation>
    </message>
    <message>
        <source>A link to the post starts with https:// (or http://).</source>
        <translation>Julkaisun linkki alkaa https:// (tai http://).</translation>
    </message>
    <message>
        <source>The scheduler is still starting; try again.</source>
        <translation>Ajastin käynnistyy vielä; yritä uudelleen.</translation>
    </message>
    <message>
        <source>Some Studio needs an update for LinkedIn: LinkedIn no longer accepts the API version %1 it uses, so install a newer Some Studio and try again.</source>
        <translation>Some Studio tarvitsee päivityksen LinkedIniä varten: LinkedIn ei enää hyväksy sen käyttämää rajapintaversiota %1, joten asenna uudempi Some Studio ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>LinkedIn refused this because the access token lacks the %1 permission: make a new token with %1 in your LinkedIn app and reconnect the account in Accounts.</source>
        <translation>LinkedIn torjui tämän, koska käyttöoikeustunnisteesta puuttuu oikeus %1: tee LinkedIn-sovelluksessasi uusi tunniste, jossa on %1, ja yhdistä tili uudelleen Tilit-sivulla.</translation>
    </message>
    <message>
        <source>LinkedIn would not say whose token this is because it lacks the openid and profile permissions: add them when you make the token, or enter your member id or page id.</source>
        <translation>LinkedIn ei kertonut, kenen tunniste tämä on, koska siitä puuttuvat oikeudet openid ja profile: lisää ne tunnistetta tehdessäsi tai anna jäsentunnuksesi tai sivun tunnus.</translation>
    </message>
    <message>
        <source>%1 no longer accepts this account&apos;s sign-in (it expired or was revoked): reconnect the account in Accounts, then try again.</source>
        <translation>%1 ei enää hyväksy tämän tilin kirjautumista (se on vanhentunut tai peruttu): yhdistä tili uudelleen Tilit-sivulla ja yritä sitten uudelleen.</translation>
    </message>
    <message>
        <source>%1 refused to renew the sign-in of %2: reconnect the account in Accounts, then try again.</source>
        <translation>%1 ei suostunut uusimaan tilin %2 kirjautumista: yhdistä tili uudelleen Tilit-sivulla ja yritä sitten uudelleen.</translation>
    </message>
    <message>
        <source>%1 needs the account %2 reconnected: reconnect it in Accounts, then try again.</source>
        <translation>%1 vaatii, että tili %2 yhdistetään uudelleen: yhdistä se Tilit-sivulla ja yritä sitten uudelleen.</translation>
    </message>
    <message>
        <source>Pinterest refused the pin because your Pinterest app has Trial access, which may only pin to the API Sandbox: make a sandbox access token in your Pinterest app and reconnect this account in Accounts with “Use Pinterest&apos;s API Sandbox” ticked, or ask Pinterest for Standard access.</source>
        <translation>Pinterest torjui pinin, koska Pinterest-sovelluksellasi on Trial-tason käyttöoikeus, jolla voi kiinnittää vain API-hiekkalaatikkoon: tee Pinterest-sovelluksessasi hiekkalaatikkotunniste ja yhdistä tämä tili uudelleen Tilit-sivulla valinnalla ”Käytä Pinterestin API-hiekkalaatikkoa”, tai pyydä Pinterestiltä Standard-tason käyttöoikeus.</translation>
    </message>
    <message>
        <source>%1 no longer accepts this account&apos;s sign-in (%2): reconnect the account in Accounts.</source>
        <translation>%1 ei enää hyväksy tämän tilin kirjautumista (%2): yhdistä tili uudelleen Tilit-sivulla.</translation>
    </message>
    <message>
        <source>%1 refused this because the sign-in lacks the %2 permission: reconnect the account in Accounts with a token that has it.</source>
        <translation>%1 torjui tämän, koska kirjautumiselta puuttuu oikeus %2: yhdistä tili uudelleen Tilit-sivulla tunnisteella, jolla tämä oikeus on.</translation>
    </message>
    <message>
        <source>With Facebook Login, enter the id of the Facebook Page your Instagram account is connected to.</source>
        <translation>Facebook-kirjautumisessa anna sen Facebook-sivun tunnus, johon Instagram-tilisi on liitetty.</translation>
    </message>
    <message>
        <source>The Facebook Page %1 has no Instagram professional account connected: connect one to the Page in Meta Business Suite, then try again.</source>
        <translation>Facebook-sivuun %1 ei ole liitetty Instagramin ammattilaistiliä: liitä tili sivuun Meta Business Suitessa ja yritä sitten uudelleen.</translation>
    </message>
    <message>
        <source>Parts 1–%1 of %2 are published on Threads; a retry continues with part %3.</source>
        <translation>Osat 1–%1/%2 on julkaistu Threadsissa; uusi yritys jatkaa osasta %3.</translation>
    </message>
    <message>
        <source>%1 does not exist in %2: the clocks jump from %3 to %4 that day. Choose another time.</source>
        <translation>Aikaa %1 ei ole aikavyöhykkeellä %2: kellot siirtyvät sinä päivänä ajasta %3 aikaan %4. Valitse toinen aika.</translation>
    </message>
    <message>
        <source>%1 happens twice in %2 (UTC%3 and then UTC%4, when the clocks go back). Choose which one.</source>
        <translation>Aika %1 toistuu kahdesti aikavyöhykkeellä %2 (ensin UTC%3 ja sitten UTC%4, kun kelloja siirretään taaksepäin). Valitse, kumpi.</translation>
    </message>
    <message>
        <source>“%1” is not a known time zone (for example Europe/Helsinki).</source>
        <translation>”%1” ei ole tunnettu aikavyöhyke (esimerkiksi Europe/Helsinki).</translation>
    </message>
</context>
<context>
    <name>FailureText</name>
    <message>
        <source>Waiting for you to publish it by hand.</source>
        <translation>Odottaa, että julkaiset sen käsin.</translation>
    </message>
    <message>
        <source>Not published: %1 min overdue, past the catch-up window of %2 min (the app was not running or the computer was asleep). Publish it now, reschedule or skip it.</source>
        <translation>Ei julkaistu: %1 min myöhässä, yli %2 minuutin myöhästymisrajan (sovellus ei ollut käynnissä tai tietokone oli lepotilassa). Julkaise se nyt, ajasta uudelleen tai ohita.</translation>
    </message>
    <message>
        <source>Some Studio stopped while this post was being sent, and the channel could not confirm whether it went out. Check the channel, then mark it done or publish it again.</source>
        <translation>Some Studio pysähtyi kesken lähetyksen, eikä kanava pystynyt vahvistamaan, lähtikö julkaisu. Tarkista kanava ja merkitse se sitten tehdyksi tai julkaise uudelleen.</translation>
    </message>
    <message>
        <source>The channel did not confirm this post (%1), and no post with its key was found. Check the channel, then mark it done or publish it again.</source>
        <translation>Kanava ei vahvistanut julkaisua (%1), eikä sen tunnisteella löytynyt julkaisua. Tarkista kanava ja merkitse se sitten tehdyksi tai julkaise uudelleen.</translation>
    </message>
    <message>
        <source>Gave up after %1 tries: %2</source>
        <translation>Luovutettiin %1 yrityksen jälkeen: %2</translation>
    </message>
    <message>
        <source>The channel asked to wait %1 h, too long to keep the post waiting: %2. Try again or reschedule it.</source>
        <translation>Kanava pyysi odottamaan %1 h, mikä on liian kauan julkaisun odotettavaksi: %2. Yritä uudelleen tai ajasta se uudelleen.</translation>
    </message>
    <message>
        <source>Try %1 failed (%2); trying again at %3 UTC.</source>
        <translation>Yritys %1 epäonnistui (%2); uusi yritys klo %3 UTC.</translation>
    </message>
    <message>
        <source>This version cannot publish to %1 (%2); choose publish by hand for this account.</source>
        <translation>Tämä versio ei osaa julkaista palveluun %1 (%2); valitse tälle tilille julkaisu käsin.</translation>
    </message>
    <message>
        <source>%1 refused it (HTTP 403). The sign-in may lack a permission this needs; reconnect the account if so.</source>
        <translation>%1 hylkäsi sen (HTTP 403). Kirjautumiselta voi puuttua tähän tarvittava oikeus; yhdistä tili siinä tapauksessa uudelleen.</translation>
    </message>
    <message>
        <source>It said: %1</source>
        <translation>Vastaus: %1</translation>
    </message>
    <message>
        <source>%1 refused it (HTTP %2).</source>
        <translation>%1 hylkäsi sen (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 no longer accepts this account&apos;s sign-in (HTTP 401). Reconnect the account in Accounts, then try again.</source>
        <translation>%1 ei enää hyväksy tämän tilin kirjautumista (HTTP 401). Yhdistä tili uudelleen Tilit-sivulla ja yritä sitten uudelleen.</translation>
    </message>
    <message>
        <source>No sign-in is stored for %1 (it was never connected, or this computer has no secure keyring). Connect the account in Accounts.</source>
        <translation>Tilille %1 ei ole tallennettu kirjautumista (sitä ei ole koskaan yhdistetty, tai tässä tietokoneessa ei ole turvallista avainnippua). Yhdistä tili Tilit-sivulla.</translation>
    </message>
    <message>
        <source>%1 rate limit reached (HTTP 429).</source>
        <translation>Palvelun %1 pyyntöraja tuli täyteen (HTTP 429).</translation>
    </message>
    <message>
        <source>%1 is unavailable for now (HTTP %2).</source>
        <translation>%1 ei ole juuri nyt käytettävissä (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 failed with HTTP %2 after receiving the request.</source>
        <translation>%1 epäonnistui (HTTP %2) vastaanotettuaan pyynnön.</translation>
    </message>
    <message>
        <source>Could not connect to %1. Check the internet connection.</source>
        <translation>Yhteys palveluun %1 ei onnistunut. Tarkista internetyhteys.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s after the post was sent.</source>
        <translation>%1 ei vastannut %2 sekunnissa julkaisun lähettämisen jälkeen.</translation>
    </message>
    <message>
        <source>The connection to %1 broke after the post was sent.</source>
        <translation>Yhteys palveluun %1 katkesi julkaisun lähettämisen jälkeen.</translation>
    </message>
    <message>
        <source>The archive folder %1 does not exist (a removable drive?). Create it or choose another folder, then try again.</source>
        <translation>Arkistokansiota %1 ei ole (irrotettava asema?). Luo se tai valitse toinen kansio ja yritä sitten uudelleen.</translation>
    </message>
    <message>
        <source>The attached file %1 is neither in the shared workspace nor on this computer: it was attached on another computer before such files were kept in the workspace. Attach it again, then publish again.</source>
        <translation>Liitettyä tiedostoa %1 ei ole jaetussa työtilassa eikä tällä tietokoneella: se liitettiin toisella tietokoneella ennen kuin tiedostoja alettiin säilyttää työtilassa. Liitä se uudelleen ja julkaise sitten uudelleen.</translation>
    </message>
    <message>
        <source>The attached file %1 could not be copied to this computer (%2). It will be tried again.</source>
        <translation>Liitettyä tiedostoa %1 ei voitu kopioida tälle tietokoneelle (%2). Sitä yritetään uudelleen.</translation>
    </message>
    <message>
        <source>The media file %1 is missing. Add it again, then try again.</source>
        <translation>Mediatiedosto %1 puuttuu. Lisää se uudelleen ja yritä sitten uudelleen.</translation>
    </message>
    <message>
        <source>The network refused the post: the text is too long for this channel.</source>
        <translation>Palvelu hylkäsi julkaisun: teksti on liian pitkä tälle kanavalle.</translation>
    </message>
    <message>
        <source>No answer from the network after sending; check the post.</source>
        <translation>Palvelu ei vastannut lähetyksen jälkeen; tarkista julkaisu.</translation>
    </message>
    <message>
        <source>The computer was off at the scheduled time.</source>
        <translation>Tietokone oli sammuksissa ajastettuna aikana.</translation>
    </message>
    <message>
        <source>Skipped by you.</source>
        <translation>Ohitit tämän.</translation>
    </message>
    <message>
        <source>Marked as published by you.</source>
        <translation>Merkitsit tämän julkaistuksi.</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>muistutus</translation>
    </message>
    <message>
        <source>marked as published</source>
        <translation>merkitty julkaistuksi</translation>
    </message>
    <message>
        <source>published</source>
        <translation>julkaistu</translation>
    </message>
    <message>
        <source>found published</source>
        <translation>todettu julkaistuksi</translation>
    </message>
    <message>
        <source>failed, will try again</source>
        <translation>epäonnistui, yritetään uudelleen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>epäonnistui</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>ei vastausta</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ohitettu</translation>
    </message>
    <message>
        <source>Try %1 failed (%2); trying again at %3.</source>
        <translation>Yritys %1 epäonnistui (%2); uusi yritys %3.</translation>
    </message>
    <message>
        <source>Latest attempts:</source>
        <translation>Viimeisimmät yritykset:</translation>
    </message>
    <message numerus="yes">
        <source>(%n earlier attempts not shown)</source>
        <translation>
            <numerusform>(%n aiempi yritys piilotettu)</numerusform>
            <numerusform>(%n aiempaa yritystä piilotettu)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Show account</source>
        <translation>Näytettävä tili</translation>
    </message>
    <message>
        <source>Show state</source>
        <translation>Näytettävä tila</translation>
    </message>
    <message>
        <source>Show label</source>
        <translation>Näytettävä tunniste</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Näytä:</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Kaikki tilit</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Kaikki tunnisteet</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tili</translation>
    </message>
    <message>
        <source>Label or campaign</source>
        <translation>Tunniste tai kampanja</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Jakso</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Viimeiset 7 päivää</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Viimeiset 30 päivää</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Viimeiset 90 päivää</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Viimeiset 365 päivää</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tämä kuukausi</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Edellinen kuukausi</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Mukautettu</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Alkupäivä</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Loppupäivä</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Tunniste</translation>
    </message>
    <message>
        <source>from</source>
        <translation>päivästä</translation>
    </message>
    <message>
        <source>to</source>
        <translation>päivään</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Kaikki kanavat</translation>
    </message>
    <message>
        <source>“to” moved to %1 with “from”</source>
        <translation>Loppupäivä siirtyi alkupäivän mukana: %1</translation>
    </message>
    <message>
        <source>“from” moved to %1 with “to”</source>
        <translation>Alkupäivä siirtyi loppupäivän mukana: %1</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>Problems found</source>
        <translation>Löydetyt ongelmat</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Ongelmia ei löytynyt.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Virhe: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Varoitus: %1</translation>
    </message>
</context>
<context>
    <name>FollowersChart</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 now, %3 over the period</source>
        <translation>%1: nyt %2, jaksolla %3</translation>
    </message>
    <message>
        <source>Your actions: %1</source>
        <translation>Toimenpiteesi: %1</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Change goal</source>
        <translation>Muuta tavoitetta</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Uusi tavoite</translation>
    </message>
    <message>
        <source>Goal name</source>
        <translation>Tavoitteen nimi</translation>
    </message>
    <message>
        <source>e.g. 200 LinkedIn contacts</source>
        <translation>esim. 200 LinkedIn-kontaktia</translation>
    </message>
    <message>
        <source>Kind of goal</source>
        <translation>Tavoitteen laji</translation>
    </message>
    <message>
        <source>A number by a date</source>
        <translation>Määrä päivään mennessä</translation>
    </message>
    <message>
        <source>Posts every week or month</source>
        <translation>Julkaisuja joka viikko tai kuukausi</translation>
    </message>
    <message>
        <source>What to count</source>
        <translation>Mitä lasketaan</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tili</translation>
    </message>
    <message>
        <source>All accounts together</source>
        <translation>Kaikki tilit yhdessä</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Tavoite</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>Jakso</translation>
    </message>
    <message>
        <source>week</source>
        <translation>viikko</translation>
    </message>
    <message>
        <source>month</source>
        <translation>kuukausi</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Alku</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Määräpäivä</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Laji</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Mittari</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nyt</translation>
    </message>
    <message>
        <source>Counted from the start date: the posts published from then on.</source>
        <translation>Lasketaan aloituspäivästä alkaen julkaistuista julkaisuista.</translation>
    </message>
    <message>
        <source>No follower count yet for this account.</source>
        <translation>Tälle tilille ei ole vielä seuraajamäärää.</translation>
    </message>
    <message>
        <source>%1 (counted %2)</source>
        <translation>%1 (luettu %2)</translation>
    </message>
</context>
<context>
    <name>GoalWords</name>
    <message numerus="yes">
        <source>%n more to go,</source>
        <translation>
            <numerusform>Vielä %n puuttuu,</numerusform>
            <numerusform>Vielä %n puuttuu,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left.</source>
        <translation>
            <numerusform>%n päivä jäljellä.</numerusform>
            <numerusform>%n päivää jäljellä.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept in %1 of the last %n week(s).</source>
        <translation>
            <numerusform>Pidetty %1 viikkona %n viime viikosta.</numerusform>
            <numerusform>Pidetty %1 viikkona %n viime viikosta.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept in %1 of the last %n month(s).</source>
        <translation>
            <numerusform>Pidetty %1 kuukautena %n viime kuukaudesta.</numerusform>
            <numerusform>Pidetty %1 kuukautena %n viime kuukaudesta.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n count(s)</source>
        <translation>
            <numerusform>%n lukemasta</numerusform>
            <numerusform>%n lukemasta</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>over %n day(s)</source>
        <translation>
            <numerusform>%n päivän ajalta</numerusform>
            <numerusform>%n päivän ajalta</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>window before and after an action</comment>
        <translation>
            <numerusform>%n päivä</numerusform>
            <numerusform>%n päivää</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n post(s) published since %1 has numbers for this goal yet (not fetched, or the network does not report them): only posts published from the goal&apos;s start count.</source>
        <translation>
            <numerusform>%1 alkaen on julkaistu %n julkaisu, mutta sillä ei ole vielä lukuja tähän tavoitteeseen (lukuja ei ole haettu, tai verkosto ei kerro niitä): tavoitteeseen lasketaan vain sen alusta alkaen julkaistut julkaisut.</numerusform>
            <numerusform>%1 alkaen on julkaistu %n julkaisua, mutta yhdelläkään niistä ei ole vielä lukuja tähän tavoitteeseen (lukuja ei ole haettu, tai verkosto ei kerro niitä): tavoitteeseen lasketaan vain sen alusta alkaen julkaistut julkaisut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not counted: %n post(s) published since the start without numbers for this goal.</source>
        <translation>
            <numerusform>Ei laskettu: %n alusta alkaen julkaistu julkaisu ilman lukuja tähän tavoitteeseen.</numerusform>
            <numerusform>Ei laskettu: %n alusta alkaen julkaistua julkaisua ilman lukuja tähän tavoitteeseen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Goals</name>
    <message>
        <source>Followers or contacts</source>
        <translation>Seuraajat tai kontaktit</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Näyttökerrat</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Vuorovaikutukset</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Julkaisut</translation>
    </message>
    <message>
        <source>Give the goal a name, e.g. “200 LinkedIn contacts”.</source>
        <translation>Anna tavoitteelle nimi, esim. ”200 LinkedIn-kontaktia”.</translation>
    </message>
    <message>
        <source>The target must be at least 1.</source>
        <translation>Tavoitteen on oltava vähintään 1.</translation>
    </message>
    <message>
        <source>Choose the date by which the target should be reached.</source>
        <translation>Valitse päivä, johon mennessä tavoite pitäisi saavuttaa.</translation>
    </message>
    <message>
        <source>The deadline must come after the start.</source>
        <translation>Määräpäivän on oltava alun jälkeen.</translation>
    </message>
    <message>
        <source>A cadence goal counts posts.</source>
        <translation>Tahtitavoite laskee julkaisuja.</translation>
    </message>
    <message>
        <source>Posts are counted per week or month: choose a cadence.</source>
        <translation>Julkaisut lasketaan viikoittain tai kuukausittain: valitse tahti.</translation>
    </message>
    <message>
        <source>That account no longer exists.</source>
        <translation>Tiliä ei enää ole.</translation>
    </message>
    <message>
        <source>Choose the day of the action.</source>
        <translation>Valitse toimenpiteen päivä.</translation>
    </message>
    <message>
        <source>Write what you did, e.g. “job fair”.</source>
        <translation>Kirjoita, mitä teit, esim. ”rekrytointimessut”.</translation>
    </message>
    <message>
        <source>Keep the note under 200 characters.</source>
        <translation>Pidä muistiinpano alle 200 merkin.</translation>
    </message>
    <message>
        <source>all accounts</source>
        <translation>kaikki tilit</translation>
    </message>
    <message>
        <source>%1 posts a week</source>
        <translation>%1 julkaisua viikossa</translation>
    </message>
    <message>
        <source>%1 posts a month</source>
        <translation>%1 julkaisua kuukaudessa</translation>
    </message>
    <message>
        <source>%1: %2 by %3</source>
        <translation>%1: %2 viimeistään %3</translation>
    </message>
    <message>
        <source>%1 of %2.</source>
        <translation>%1 / %2.</translation>
    </message>
    <message>
        <source>Reached %1.</source>
        <translation>Saavutettu %1</translation>
    </message>
    <message>
        <source>The deadline passed before the target.</source>
        <translation>Määräpäivä meni ohi ennen tavoitetta.</translation>
    </message>
    <message>
        <source>Too little data to tell the pace yet: it needs counts on at least 4 days over a week or more.</source>
        <translation>Liian vähän tietoa tahdin arvioimiseen: tarvitaan lukemat vähintään 4 päivältä vähintään viikon ajalta.</translation>
    </message>
    <message>
        <source>Not growing at the recent pace.</source>
        <translation>Viimeaikaisella tahdilla ei kasva.</translation>
    </message>
    <message>
        <source>At this pace: reached %1.</source>
        <translation>Tällä tahdilla tavoite täyttyy %1.</translation>
    </message>
    <message>
        <source>That is after the deadline.</source>
        <translation>Se on määräpäivän jälkeen.</translation>
    </message>
    <message>
        <source>No post published since %1 yet: only posts published from the goal&apos;s start count.</source>
        <translation>%1 alkaen ei ole vielä julkaistu mitään: tavoitteeseen lasketaan vain sen alusta alkaen julkaistut julkaisut.</translation>
    </message>
    <message>
        <source>This week: %1 of %2.</source>
        <translation>Tällä viikolla: %1 / %2.</translation>
    </message>
    <message>
        <source>This month: %1 of %2.</source>
        <translation>Tässä kuussa: %1 / %2.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Valmis.</translation>
    </message>
    <message>
        <source>Progress of goal %1</source>
        <translation>Tavoitteen %1 edistyminen</translation>
    </message>
    <message>
        <source>All accounts together</source>
        <translation>Kaikki tilit yhdessä</translation>
    </message>
    <message>
        <source>Follower growth per day, %1 before: %2; after: %3.</source>
        <translation>Seuraajien kasvu päivässä %1 ennen: %2; jälkeen: %3.</translation>
    </message>
    <message>
        <source>The data cannot tell: each side needs at least 3 spans between two counts (4 counts). Fetch or enter followers more often and compare again later.</source>
        <translation>Tiedoista ei voi vielä päätellä: kummallakin puolella tarvitaan vähintään 3 väliä kahden lukeman välillä (4 lukemaa). Hae tai syötä seuraajamäärät useammin ja vertaa myöhemmin uudelleen.</translation>
    </message>
    <message>
        <source>Difference %1 a day (95 % interval %2 to %3).</source>
        <translation>Ero %1 päivässä (95 %:n väli %2 … %3).</translation>
    </message>
    <message>
        <source>Growth was faster after the action.</source>
        <translation>Kasvu oli nopeampaa toimenpiteen jälkeen.</translation>
    </message>
    <message>
        <source>Growth was slower after the action.</source>
        <translation>Kasvu oli hitaampaa toimenpiteen jälkeen.</translation>
    </message>
    <message>
        <source>No clear change: a difference this size could be chance (the interval includes 0).</source>
        <translation>Ei selvää muutosta: näin suuri ero voi olla sattumaa (väli sisältää nollan).</translation>
    </message>
    <message>
        <source>A change in time, not proof of cause.</source>
        <translation>Muutos ajassa, ei todiste syystä.</translation>
    </message>
    <message>
        <source>Goal reached: %1 (%2).</source>
        <translation>Tavoite saavutettu: %1 (%2).</translation>
    </message>
    <message>
        <source>Cadence kept all month: %1.</source>
        <translation>Tahti pidetty koko kuukauden: %1.</translation>
    </message>
    <message>
        <source>Biggest growth: %1, +%2 followers.</source>
        <translation>Suurin kasvu: %1, +%2 seuraajaa.</translation>
    </message>
    <message>
        <source>Best post on %1 (%2 engagements): %3</source>
        <translation>Paras julkaisu (%1, %2 vuorovaikutusta): %3</translation>
    </message>
</context>
<context>
    <name>GoalsSection</name>
    <message>
        <source>Targets you set yourself: a number by a date (followers or contacts, views, engagements; fetched or entered by hand) or a number of posts each week or month. A goal reached is a win in the monthly report.</source>
        <translation>Itse asettamasi tavoitteet: määrä päivään mennessä (seuraajat tai kontaktit, näyttökerrat, vuorovaikutukset; haettuina tai käsin syötettyinä) tai julkaisujen määrä joka viikko tai kuukausi. Saavutettu tavoite on kuukausiraportissa onnistuminen.</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Tavoitteet</translation>
    </message>
    <message>
        <source>Add goal…</source>
        <translation>Lisää tavoite…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Muuta…</translation>
    </message>
    <message>
        <source>Change goal</source>
        <translation>Muuta tavoitetta</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>Poista tavoite</translation>
    </message>
    <message>
        <source>The goals could not be read: %1</source>
        <translation>Tavoitteita ei voitu lukea: %1</translation>
    </message>
    <message>
        <source>No goals yet: add one to see its progress and pace.</source>
        <translation>Ei vielä tavoitteita: lisää tavoite, niin näet sen edistymisen ja tahdin.</translation>
    </message>
    <message>
        <source>Remove the goal “%1”? Its numbers stay; only the goal goes.</source>
        <translation>Poistetaanko tavoite ”%1”? Luvut säilyvät; vain tavoite poistuu.</translation>
    </message>
</context>
<context>
    <name>GuidelinesView</name>
    <message>
        <source>one word a line; halp* matches any ending</source>
        <translation>yksi sana riville; halp* sopii mihin tahansa päätteeseen</translation>
    </message>
    <message>
        <source>one a line: word =&gt; what to say instead</source>
        <translation>yksi riville: sana =&gt; mitä sanoa sen sijaan</translation>
    </message>
    <message>
        <source>Every image needs an alt text</source>
        <translation>Jokainen kuva tarvitsee vaihtoehtoisen tekstin</translation>
    </message>
    <message>
        <source>one channel a line: mastodon: utm_source=mastodon&amp;utm_medium=social</source>
        <translation>yksi kanava riville: mastodon: utm_source=mastodon&amp;utm_medium=social</translation>
    </message>
    <message>
        <source>example posts, separated by a line with three dashes (---)</source>
        <translation>esimerkkijulkaisut, eroteltuina rivillä, jossa on kolme viivaa (---)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Banned words:</source>
        <translation>Kielletyt sanat:</translation>
    </message>
    <message>
        <source>Words to avoid:</source>
        <translation>Vältettävät sanat:</translation>
    </message>
    <message>
        <source>Paid collaboration tags:</source>
        <translation>Kaupallisen yhteistyön merkinnät:</translation>
    </message>
    <message>
        <source>Most hashtags:</source>
        <translation>Aihetunnisteita enintään:</translation>
    </message>
    <message>
        <source>Most emoji:</source>
        <translation>Emojeita enintään:</translation>
    </message>
    <message>
        <source>UTM tags per channel:</source>
        <translation>UTM-tunnisteet kanavittain:</translation>
    </message>
    <message>
        <source>Example posts:</source>
        <translation>Esimerkkijulkaisut:</translation>
    </message>
    <message>
        <source>Save guidelines</source>
        <translation>Tallenna ohjeistus</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>Tuo tiedosto…</translation>
    </message>
    <message>
        <source>Export file…</source>
        <translation>Vie tiedostoksi…</translation>
    </message>
    <message>
        <source>Your team&apos;s social media guideline. The composer checks every post against it as you write; share it as a file so everyone uses the same one.</source>
        <translation>Tiimisi someohjeistus. Kirjoitusnäkymä tarkistaa jokaisen julkaisun sen mukaan kirjoittaessasi; jaa se tiedostona, niin kaikki käyttävät samaa.</translation>
    </message>
    <message>
        <source>Your changes to the guidelines were saved when you left them.</source>
        <translation>Muutoksesi someohjeistukseen tallennettiin, kun poistuit sieltä.</translation>
    </message>
    <message>
        <source>The guidelines could not be read: %1</source>
        <translation>Ohjeistusta ei voitu lukea: %1</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>ei rajaa</translation>
    </message>
    <message>
        <source>Guidelines saved; the composer checks them now.</source>
        <translation>Ohjeistus tallennettu; kirjoitusnäkymä tarkistaa sen nyt.</translation>
    </message>
    <message>
        <source>Could not use that file: %1</source>
        <translation>Tiedostoa ei voitu käyttää: %1</translation>
    </message>
    <message>
        <source>Guidelines imported from %1.</source>
        <translation>Ohjeistus tuotu tiedostosta %1.</translation>
    </message>
    <message>
        <source>Could not write the file: %1</source>
        <translation>Tiedostoa ei voitu kirjoittaa: %1</translation>
    </message>
    <message>
        <source>Guidelines exported to %1.</source>
        <translation>Ohjeistus viety tiedostoon %1.</translation>
    </message>
    <message>
        <source>Import guidelines</source>
        <translation>Tuo ohjeistus</translation>
    </message>
    <message>
        <source>Guideline files (*.json)</source>
        <translation>Ohjeistustiedostot (*.json)</translation>
    </message>
    <message>
        <source>Export guidelines</source>
        <translation>Vie ohjeistus</translation>
    </message>
    <message>
        <source>social-media-guidelines</source>
        <translation>someohjeistus</translation>
    </message>
</context>
<context>
    <name>HeatmapChart</name>
    <message>
        <source>Highest engagement rate: %1 at %2, %3 % from %4 posts; %5 hours of the week with posts.</source>
        <translation>Korkein vuorovaikutusaste: %1 klo %2, %3 % (%4 julkaisua); julkaisuja %5 viikon tunnilla.</translation>
    </message>
</context>
<context>
    <name>IdeasView</name>
    <message>
        <source>Ideas</source>
        <translation>Ideat</translation>
    </message>
    <message>
        <source>No ideas yet. Write one below; drag a card onto the calendar to plan it.</source>
        <translation>Ideoita ei vielä ole. Kirjoita idea alle; vedä kortti kalenteriin suunnitellaksesi sen.</translation>
    </message>
    <message>
        <source>What could you post about?</source>
        <translation>Mistä voisit julkaista?</translation>
    </message>
    <message>
        <source>https://… (optional)</source>
        <translation>https://… (valinnainen)</translation>
    </message>
    <message>
        <source>an image file (optional)</source>
        <translation>kuvatiedosto (valinnainen)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <source>Add idea</source>
        <translation>Lisää idea</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Tallenna muutokset</translation>
    </message>
    <message>
        <source>Delete idea</source>
        <translation>Poista idea</translation>
    </message>
    <message>
        <source>Put on a day…</source>
        <translation>Aseta päivälle…</translation>
    </message>
    <message>
        <source>Make the idea a draft on a day and time you choose</source>
        <translation>Tee ideasta luonnos valitsemallesi päivälle ja kellonajalle</translation>
    </message>
    <message>
        <source>Idea:</source>
        <translation>Idea:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Linkki:</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Kuva:</translation>
    </message>
    <message>
        <source>Drag a card onto a day of the calendar (or a time in the week view).</source>
        <translation>Vedä kortti kalenterin päivään (tai viikkonäkymässä kellonaikaan).</translation>
    </message>
    <message>
        <source>Write the idea, or give a link or an image.</source>
        <translation>Kirjoita idea tai anna linkki tai kuva.</translation>
    </message>
    <message>
        <source>Idea added.</source>
        <translation>Idea lisätty.</translation>
    </message>
    <message>
        <source>Changes saved.</source>
        <translation>Muutokset tallennettu.</translation>
    </message>
    <message>
        <source>Idea deleted.</source>
        <translation>Idea poistettu.</translation>
    </message>
    <message>
        <source>Put the idea on a day</source>
        <translation>Aseta idea päivälle</translation>
    </message>
    <message>
        <source>Put on the day</source>
        <translation>Aseta päivälle</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>Valitse kuva</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Kuvat (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import posts from CSV</source>
        <translation>Tuo julkaisut CSV-tiedostosta</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Tiedostoa ei ole valittu.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Valitse tiedosto…</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Merkistö</translation>
    </message>
    <message>
        <source>UTF-8 (CSV UTF-8)</source>
        <translation>UTF-8 (CSV UTF-8)</translation>
    </message>
    <message>
        <source>Windows-1252 (plain CSV from Excel)</source>
        <translation>Windows-1252 (tavallinen CSV Excelistä)</translation>
    </message>
    <message>
        <source>Date order</source>
        <translation>Päivämäärien järjestys</translation>
    </message>
    <message>
        <source>Dates: ask when unclear</source>
        <translation>Päivämäärät: kysy, jos epäselvä</translation>
    </message>
    <message>
        <source>Dates: day/month/year</source>
        <translation>Päivämäärät: päivä/kuukausi/vuosi</translation>
    </message>
    <message>
        <source>Dates: month/day/year</source>
        <translation>Päivämäärät: kuukausi/päivä/vuosi</translation>
    </message>
    <message>
        <source>Account for rows without one</source>
        <translation>Tili riveille, joilla sitä ei ole</translation>
    </message>
    <message>
        <source>Rows name their accounts</source>
        <translation>Rivit nimeävät tilinsä</translation>
    </message>
    <message>
        <source>Rows to import</source>
        <translation>Tuotavat rivit</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rivi</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Tilit</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teksti</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Tarkistukset</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Löydetyt ongelmat</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Tuo</translation>
    </message>
    <message>
        <source>Problems (row:column):</source>
        <translation>Ongelmat (rivi:sarake):</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Tiedostoa ei voi lukea: %1</translation>
    </message>
    <message>
        <source>draft, no date</source>
        <translation>luonnos, ei päivää</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>luonnos</translation>
    </message>
    <message numerus="yes">
        <source>%n problems: fix them in the file, then choose it again. Nothing is imported until every row is right.</source>
        <translation>
            <numerusform>%n ongelma: korjaa se tiedostoon ja valitse tiedosto uudelleen. Mitään ei tuoda, ennen kuin jokainen rivi on kunnossa.</numerusform>
            <numerusform>%n ongelmaa: korjaa ne tiedostoon ja valitse tiedosto uudelleen. Mitään ei tuoda, ennen kuin jokainen rivi on kunnossa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n posts are ready to import.</source>
        <translation>
            <numerusform>%n julkaisu on valmiina tuotavaksi.</numerusform>
            <numerusform>%n julkaisua on valmiina tuotavaksi.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file has no posts.</source>
        <translation>Tiedostossa ei ole julkaisuja.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Mitään ei tuotu: %1</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Valitse CSV-tiedosto</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-tiedostot (*.csv *.txt)</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>Reply</source>
        <translation>Vastaus</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>Maininta</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Lainaus</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentti</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>Tykkäys</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>Jako</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Seuraaja</translation>
    </message>
    <message>
        <source>A like has nothing to answer.</source>
        <translation>Tykkäyksessä ei ole mitään vastattavaa.</translation>
    </message>
    <message>
        <source>A repost has nothing to answer.</source>
        <translation>Jaossa ei ole mitään vastattavaa.</translation>
    </message>
    <message>
        <source>A follow has nothing to answer.</source>
        <translation>Seuraamisessa ei ole mitään vastattavaa.</translation>
    </message>
    <message>
        <source>This entry has nothing to answer.</source>
        <translation>Tässä ei ole mitään vastattavaa.</translation>
    </message>
    <message>
        <source>Liked your post</source>
        <translation>Tykkäsi julkaisustasi</translation>
    </message>
    <message>
        <source>Reposted your post</source>
        <translation>Jakoi julkaisusi</translation>
    </message>
    <message>
        <source>Started following you</source>
        <translation>Alkoi seurata sinua</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(ei tekstiä)</translation>
    </message>
    <message>
        <source>The sign-in has expired or was withdrawn. Reconnect the account on the Accounts page.</source>
        <translation>Kirjautuminen on vanhentunut tai peruttu. Yhdistä tili uudelleen Tilit-sivulla.</translation>
    </message>
    <message>
        <source>No sign-in is stored for this account on this computer (it was never connected, or there is no secure keyring). Connect it on the Accounts page.</source>
        <translation>Tälle tilille ei ole tallennettu kirjautumista tässä tietokoneessa (tiliä ei ole koskaan yhdistetty, tai turvallista avainnippua ei ole). Yhdistä tili Tilit-sivulla.</translation>
    </message>
    <message>
        <source>The network asked us to slow down. Some Studio waits and reads again later.</source>
        <translation>Palvelu pyysi hidastamaan. Some Studio odottaa ja lukee myöhemmin uudelleen.</translation>
    </message>
    <message>
        <source>The network had a fault. Some Studio tries again later.</source>
        <translation>Palvelussa oli vika. Some Studio yrittää myöhemmin uudelleen.</translation>
    </message>
    <message>
        <source>The network could not be reached (offline?). Some Studio tries again later.</source>
        <translation>Palveluun ei saatu yhteyttä (ei verkkoa?). Some Studio yrittää myöhemmin uudelleen.</translation>
    </message>
    <message>
        <source>The network refused to show the inbox (a missing permission or a removed feature).</source>
        <translation>Palvelu ei näyttänyt saapuneita (puuttuva oikeus tai poistettu ominaisuus).</translation>
    </message>
    <message>
        <source>Reading the inbox failed. Some Studio tries again later.</source>
        <translation>Saapuneiden lukeminen epäonnistui. Some Studio yrittää myöhemmin uudelleen.</translation>
    </message>
    <message>
        <source>Answer waiting to be sent</source>
        <translation>Vastaus odottaa lähetystä</translation>
    </message>
    <message>
        <source>Answer being sent</source>
        <translation>Vastausta lähetetään</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Vastattu</translation>
    </message>
    <message>
        <source>The answer could not be sent</source>
        <translation>Vastausta ei voitu lähettää</translation>
    </message>
    <message>
        <source>The answer may have gone out: check on the network</source>
        <translation>Vastaus on ehkä lähtenyt: tarkista palvelusta</translation>
    </message>
    <message>
        <source>Write an answer first.</source>
        <translation>Kirjoita ensin vastaus.</translation>
    </message>
    <message>
        <source>The network would refuse this answer:</source>
        <translation>Palvelu ei hyväksyisi tätä vastausta:</translation>
    </message>
    <message>
        <source>A like, repost or follow cannot be answered.</source>
        <translation>Tykkäykseen, jakoon tai seuraamiseen ei voi vastata.</translation>
    </message>
    <message>
        <source>This was already answered.</source>
        <translation>Tähän on jo vastattu.</translation>
    </message>
    <message>
        <source>The last answer may have gone out. Check the conversation on the network before writing again.</source>
        <translation>Edellinen vastaus on ehkä lähtenyt. Tarkista keskustelu palvelusta ennen kuin kirjoitat uudelleen.</translation>
    </message>
    <message>
        <source>This entry is no longer in the inbox.</source>
        <translation>Viesti ei ole enää saapuneissa.</translation>
    </message>
    <message>
        <source>The answer could not be sent.</source>
        <translation>Vastausta ei voitu lähettää.</translation>
    </message>
    <message>
        <source>Hidden on Facebook (not by Some Studio)</source>
        <translation>Piilotettu Facebookissa (muualla kuin Some Studiossa)</translation>
    </message>
    <message>
        <source>Hidden on Instagram (not by Some Studio)</source>
        <translation>Piilotettu Instagramissa (muualla kuin Some Studiossa)</translation>
    </message>
    <message>
        <source>Hidden on the network (not by Some Studio)</source>
        <translation>Piilotettu palvelussa (muualla kuin Some Studiossa)</translation>
    </message>
    <message>
        <source>%1. Someone else who manages the account, or an automatic filter, hid it there. The entry stays here.</source>
        <translation>%1. Sen piilotti siellä joku muu tilin ylläpitäjä tai automaattinen suodatin. Viesti pysyy täällä.</translation>
    </message>
    <message>
        <source>Their post or comment is no longer there: it was deleted, or hidden from you. The entry stays here.</source>
        <translation>Julkaisua tai kommenttia ei enää ole: se on poistettu tai piilotettu sinulta. Viesti pysyy täällä.</translation>
    </message>
    <message>
        <source>The network refused: there is a block between this person and your account.</source>
        <translation>Palvelu kieltäytyi: tämän henkilön ja tilisi välillä on esto.</translation>
    </message>
    <message>
        <source>The network asked to slow down. Try again in a while.</source>
        <translation>Palvelu pyysi hidastamaan. Yritä hetken päästä uudelleen.</translation>
    </message>
    <message>
        <source>The network had a fault. Try again later.</source>
        <translation>Palvelussa oli vika. Yritä myöhemmin uudelleen.</translation>
    </message>
    <message>
        <source>The network could not be reached (offline?). Try again later.</source>
        <translation>Palveluun ei saatu yhteyttä (ei verkkoa?). Yritä myöhemmin uudelleen.</translation>
    </message>
    <message>
        <source>The network refused (a missing permission, or not allowed for this entry).</source>
        <translation>Palvelu kieltäytyi (puuttuva käyttöoikeus, tai tätä ei sallita tälle viestille).</translation>
    </message>
    <message>
        <source>It did not work. Try again later.</source>
        <translation>Se ei onnistunut. Yritä myöhemmin uudelleen.</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Poistettu</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Estetty</translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation>Kirjautuminen vanhentunut</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Ei yhdistetty</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Pyyntöraja täynnä</translation>
    </message>
    <message>
        <source>Network fault</source>
        <translation>Verkon vika</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Ei yhteyttä</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Torjuttu</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Epäonnistui</translation>
    </message>
    <message>
        <source>The like did not go through</source>
        <translation>Tykkäys ei mennyt perille</translation>
    </message>
    <message>
        <source>The comment was not hidden</source>
        <translation>Kommenttia ei piilotettu</translation>
    </message>
    <message>
        <source>Threads hides only replies made to your post itself; hiding the reply this one answers hides it too.</source>
        <translation>Threads piilottaa vain suoraan julkaisuusi tehdyt vastaukset; kun piilotat vastauksen, johon tämä vastaa, myös tämä piiloutuu.</translation>
    </message>
    <message>
        <source>A like, repost or follow has no post of theirs to like.</source>
        <translation>Tykkäyksessä, jaossa tai seuraamisessa ei ole henkilön julkaisua, josta voisi tykätä.</translation>
    </message>
    <message>
        <source>No entries from %1: Some Studio reads no inbox there.</source>
        <translation>Palvelusta %1 ei ole viestejä: Some Studio ei lue sen saapuneita.</translation>
    </message>
    <message>
        <source>No entries from %1 yet.</source>
        <translation>Palvelusta %1 ei ole vielä viestejä.</translation>
    </message>
    <message>
        <source>%1 bills every read, so reading it is off until you turn it on in Settings.</source>
        <translation>%1 laskuttaa jokaisesta lukukerrasta, joten lukeminen on pois päältä, kunnes otat sen käyttöön Asetuksissa.</translation>
    </message>
    <message>
        <source>Replies and comments come in by themselves from accounts that publish through the network&apos;s own connection (not by hand).</source>
        <translation>Vastaukset ja kommentit tulevat itsestään tileiltä, jotka julkaisevat palvelun oman yhteyden kautta (eivät käsin).</translation>
    </message>
    <message>
        <source>Instagram does not let apps like comments: like it in Instagram.</source>
        <translation>Instagram ei anna sovellusten tykätä kommenteista: tykkää Instagramissa.</translation>
    </message>
    <message>
        <source>Threads does not let apps like replies: like it in Threads.</source>
        <translation>Threads ei anna sovellusten tykätä vastauksista: tykkää Threadsissa.</translation>
    </message>
    <message>
        <source>Some Studio does not like posts on X, where every call is billed to your own app: like it on X.</source>
        <translation>Some Studio ei tykkää julkaisuista X:ssä, jossa jokainen kutsu laskutetaan omalta sovellukseltasi: tykkää X:ssä.</translation>
    </message>
    <message>
        <source>Some Studio cannot like this on %1: like it there.</source>
        <translation>Some Studio ei voi tykätä tästä palvelussa %1: tykkää siellä.</translation>
    </message>
    <message>
        <source>Only comments and replies under your own posts can be hidden.</source>
        <translation>Piilottaa voi vain omien julkaisujesi alla olevia kommentteja ja vastauksia.</translation>
    </message>
    <message>
        <source>Mastodon has no way to hide a reply under your post: mute or block the person on your server instead.</source>
        <translation>Mastodonissa julkaisusi alla olevaa vastausta ei voi piilottaa: mykistä tai estä henkilö palvelimellasi.</translation>
    </message>
    <message>
        <source>Some Studio does not hide Bluesky replies: hide it in the Bluesky app, from the reply&apos;s menu.</source>
        <translation>Some Studio ei piilota Bluesky-vastauksia: piilota vastaus Bluesky-sovelluksessa sen valikosta.</translation>
    </message>
    <message>
        <source>Some Studio does not hide replies on X, where every call is billed to your own app: hide it on X.</source>
        <translation>Some Studio ei piilota vastauksia X:ssä, jossa jokainen kutsu laskutetaan omalta sovellukseltasi: piilota se X:ssä.</translation>
    </message>
    <message>
        <source>Some Studio cannot hide this on %1: hide it there.</source>
        <translation>Some Studio ei voi piilottaa tätä palvelussa %1: piilota se siellä.</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Merkitse valmiiksi</translation>
    </message>
    <message>
        <source>Mark not done</source>
        <translation>Merkitse keskeneräiseksi</translation>
    </message>
</context>
<context>
    <name>InboxDelegate</name>
    <message>
        <source>on “%1”</source>
        <translation>julkaisuun ”%1”</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Piilotettu</translation>
    </message>
    <message>
        <source>Liked</source>
        <translation>Tykätty</translation>
    </message>
</context>
<context>
    <name>InboxFilters</name>
    <message>
        <source>Search the inbox</source>
        <translation>Hae saapuneista</translation>
    </message>
    <message>
        <source>Search people and text (/)</source>
        <translation>Hae ihmisiä ja tekstiä (/)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Palvelu</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tili</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Laji</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Kaikki lajit</translation>
    </message>
    <message>
        <source>Needs an answer</source>
        <translation>Odottaa vastausta</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Näytä</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avoimet</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Valmiit</translation>
    </message>
    <message>
        <source>Open and done</source>
        <translation>Avoimet ja valmiit</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Vain lukemattomat</translation>
    </message>
    <message>
        <source>All networks</source>
        <translation>Kaikki palvelut</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Kaikki tilit</translation>
    </message>
</context>
<context>
    <name>InboxNotifications</name>
    <message>
        <source>Inbox notifications</source>
        <translation>Saapuneiden ilmoitukset</translation>
    </message>
    <message>
        <source>A desktop notification when new replies or mentions come in for:</source>
        <translation>Työpöytäilmoitus, kun uusia vastauksia tai mainintoja saapuu tileille:</translation>
    </message>
    <message>
        <source>Notify for %1</source>
        <translation>Ilmoita tilille %1</translation>
    </message>
    <message>
        <source>Read mentions of %1</source>
        <translation>Lue maininnat: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 charges your own app for every post it reads, mentions too, so Some Studio reads them only when you turn this on: at most %n request(s) of up to %2 posts every %3 minutes, counted together for the window and the command line.</source>
        <translation>
            <numerusform>%1 veloittaa omalta sovellukseltasi jokaisesta lukemastaan julkaisusta, myös maininnoista, joten Some Studio lukee ne vain, kun otat tämän käyttöön: enintään %n pyyntö (kussakin enintään %2 julkaisua) %3 minuutissa, ikkuna ja komentorivi yhteensä.</numerusform>
            <numerusform>%1 veloittaa omalta sovellukseltasi jokaisesta lukemastaan julkaisusta, myös maininnoista, joten Some Studio lukee ne vain, kun otat tämän käyttöön: enintään %n pyyntöä (kussakin enintään %2 julkaisua) %3 minuutissa, ikkuna ja komentorivi yhteensä.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not listed, as no replies reach Some Studio from them (published by hand, or their network has no inbox here): %1</source>
        <translation>Ei luettelossa, koska niiltä ei tule vastauksia Some Studioon (julkaistaan käsin, tai niiden verkon vastaukset eivät tule Saapuneisiin): %1</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Esc clears the search; Esc again goes back to the list.</source>
        <translation>Esc tyhjentää haun; toinen Esc palaa listaan.</translation>
    </message>
    <message>
        <source>Inbox entries</source>
        <translation>Saapuneet viestit</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Vastaa</translation>
    </message>
    <message>
        <source>Write an answer (r)</source>
        <translation>Kirjoita vastaus (r)</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Merkitse valmiiksi</translation>
    </message>
    <message>
        <source>Mark done or not done (e)</source>
        <translation>Merkitse valmiiksi tai keskeneräiseksi (e)</translation>
    </message>
    <message>
        <source>Label…</source>
        <translation>Tunniste…</translation>
    </message>
    <message>
        <source>Give the entry a label (l)</source>
        <translation>Anna viestille tunniste (l)</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Saapuneet</translation>
    </message>
    <message>
        <source>Inbox: next entry</source>
        <translation>Saapuneet: seuraava viesti</translation>
    </message>
    <message>
        <source>Inbox: previous entry</source>
        <translation>Saapuneet: edellinen viesti</translation>
    </message>
    <message>
        <source>Inbox: answer the entry</source>
        <translation>Saapuneet: vastaa viestiin</translation>
    </message>
    <message>
        <source>Inbox: mark done or not done</source>
        <translation>Saapuneet: merkitse valmiiksi tai keskeneräiseksi</translation>
    </message>
    <message>
        <source>Inbox: label the entry</source>
        <translation>Saapuneet: anna viestille tunniste</translation>
    </message>
    <message>
        <source>Inbox: like their post</source>
        <translation>Saapuneet: tykkää julkaisusta</translation>
    </message>
    <message>
        <source>Inbox: hide the comment</source>
        <translation>Saapuneet: piilota kommentti</translation>
    </message>
    <message>
        <source>Inbox: search</source>
        <translation>Saapuneet: haku</translation>
    </message>
    <message>
        <source>Inbox: put in a saved reply</source>
        <translation>Saapuneet: lisää tallennettu vastaus</translation>
    </message>
    <message>
        <source>Nothing here yet. Connect an account on the Accounts page: the replies and mentions it gets then come in here by themselves.</source>
        <translation>Täällä ei ole vielä mitään. Yhdistä tili Tilit-sivulla: sen saamat vastaukset ja maininnat tulevat sitten tänne itsestään.</translation>
    </message>
    <message>
        <source>Nothing comes in here for your accounts: replies reach Some Studio only from accounts signed in to their network (not from a Local archive, nor from accounts you publish by hand). Connect one on the Accounts page.</source>
        <translation>Tileiltäsi ei tule tänne mitään: vastaukset tulevat Some Studioon vain tileiltä, jotka on kirjattu sisään palveluunsa (eivät paikallisesta arkistosta eivätkä tileiltä, joille julkaiset käsin). Yhdistä tili Tilit-sivulla.</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>lukematon</translation>
    </message>
    <message>
        <source>on “%1”</source>
        <translation>julkaisuun ”%1”</translation>
    </message>
    <message>
        <source>done</source>
        <translation>valmis</translation>
    </message>
    <message>
        <source>liked</source>
        <translation>tykätty</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>piilotettu</translation>
    </message>
    <message>
        <source>Mark not done</source>
        <translation>Merkitse keskeneräiseksi</translation>
    </message>
    <message>
        <source>The answer is being sent.</source>
        <translation>Vastausta lähetetään.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Tunniste</translation>
    </message>
    <message>
        <source>A word to find the entry by (empty: no label).</source>
        <translation>Sana, jolla viestin löytää (tyhjä: ei tunnistetta).</translation>
    </message>
    <message>
        <source>Set label</source>
        <translation>Aseta tunniste</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Lähetetään…</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Lähetetty.</translation>
    </message>
    <message>
        <source>The answer waits to be sent again.</source>
        <translation>Vastaus odottaa uutta lähetysyritystä.</translation>
    </message>
    <message>
        <source>Saved replies</source>
        <translation>Tallennetut vastaukset</translation>
    </message>
    <message>
        <source>Manage saved replies…</source>
        <translation>Hallitse tallennettuja vastauksia…</translation>
    </message>
</context>
<context>
    <name>IncomeDialog</name>
    <message>
        <source>Income from collaborations</source>
        <translation>Yhteistöiden tulot</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Vuosi</translation>
    </message>
    <message>
        <source>Income per month</source>
        <translation>Tulot kuukausittain</translation>
    </message>
    <message>
        <source>Income per partner</source>
        <translation>Tulot kumppaneittain</translation>
    </message>
    <message>
        <source>Cost date</source>
        <translation>Kulun päivä</translation>
    </message>
    <message>
        <source>Cost amount (€)</source>
        <translation>Kulun summa (€)</translation>
    </message>
    <message>
        <source>Amount (€)</source>
        <translation>Summa (€)</translation>
    </message>
    <message>
        <source>What the cost was for</source>
        <translation>Mihin kulu meni</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>Mihin</translation>
    </message>
    <message>
        <source>Add cost</source>
        <translation>Lisää kulu</translation>
    </message>
    <message>
        <source>Costs of the year</source>
        <translation>Vuoden kulut</translation>
    </message>
    <message>
        <source>Remove cost</source>
        <translation>Poista kulu</translation>
    </message>
    <message>
        <source>Export CSV for bookkeeping…</source>
        <translation>Vie CSV kirjanpitoon…</translation>
    </message>
    <message>
        <source>Export CSV for bookkeeping</source>
        <translation>Vie CSV kirjanpitoon</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Odotettu</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Maksettu</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Kulut</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <source>A cost (date, amount, what for):</source>
        <translation>Kulu (päivä, summa, mihin):</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>Muut kulut</translation>
    </message>
    <message>
        <source>All amounts without VAT. Expected %1, paid %2, still to come %3; costs %4; profit so far %5.</source>
        <translation>Kaikki summat ilman arvonlisäveroa. Odotettu %1, maksettu %2, vielä tulossa %3; kulut %4; tulos tähän mennessä %5.</translation>
    </message>
    <message>
        <source>Cost removed: %1</source>
        <translation>Kulu poistettu: %1</translation>
    </message>
    <message>
        <source>The cost is not an amount of money (e.g. 49,90).</source>
        <translation>Kulu ei ole rahasumma (esim. 49,90).</translation>
    </message>
    <message>
        <source>Cost added.</source>
        <translation>Kulu lisätty.</translation>
    </message>
    <message>
        <source>Export income</source>
        <translation>Vie tulot</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Tallennus ei onnistunut: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Tallennettu %1</translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message>
        <source>posts with media</source>
        <translation>julkaisut, joissa on kuva tai video</translation>
    </message>
    <message>
        <source>short posts (up to 100 characters)</source>
        <translation>lyhyet julkaisut (enintään 100 merkkiä)</translation>
    </message>
    <message>
        <source>medium-length posts (101–250 characters)</source>
        <translation>keskipitkät julkaisut (101–250 merkkiä)</translation>
    </message>
    <message>
        <source>long posts (over 250 characters)</source>
        <translation>pitkät julkaisut (yli 250 merkkiä)</translation>
    </message>
    <message>
        <source>posts without hashtags</source>
        <translation>julkaisut ilman aihetunnisteita</translation>
    </message>
    <message>
        <source>posts with 1–2 hashtags</source>
        <translation>julkaisut, joissa on 1–2 aihetunnistetta</translation>
    </message>
    <message>
        <source>posts with 3 or more hashtags</source>
        <translation>julkaisut, joissa on vähintään 3 aihetunnistetta</translation>
    </message>
    <message>
        <source>posts on %1</source>
        <translation>julkaisut päivänä %1</translation>
    </message>
    <message>
        <source>posts between %1:00 and %2:00</source>
        <translation>julkaisut kello %1.00–%2.00</translation>
    </message>
    <message>
        <source>%1 vs %2 posts</source>
        <translation>%1 vs. %2 julkaisua</translation>
    </message>
    <message>
        <source>median engagement rate</source>
        <translation>vuorovaikutusasteen mediaani</translation>
    </message>
    <message>
        <source>median engagements</source>
        <translation>vuorovaikutusten mediaani</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>vs.</translation>
    </message>
    <message>
        <source>%1: %2 — too few posts to say (at least %3 needed on each side); %4.</source>
        <translation>%1: %2 — liian vähän julkaisuja päätelmiin (kummallakin puolella tarvitaan vähintään %3); %4.</translation>
    </message>
    <message>
        <source>did better in %1 % of pairs (95 % interval %2–%3 %)</source>
        <translation>parempi %1 %:ssa pareista (95 %:n luottamusväli %2–%3 %)</translation>
    </message>
    <message>
        <source>no clear difference from the other posts</source>
        <translation>ei selvää eroa muihin julkaisuihin</translation>
    </message>
    <message>
        <source>did better than the other posts</source>
        <translation>menestyi paremmin kuin muut julkaisut</translation>
    </message>
    <message>
        <source>did worse than the other posts</source>
        <translation>menestyi huonommin kuin muut julkaisut</translation>
    </message>
</context>
<context>
    <name>KeyringReason</name>
    <message>
        <source>no keyring service is running (such as GNOME Keyring or KWallet)</source>
        <translation>avainnippupalvelu (kuten GNOME Keyring tai KWallet) ei ole käynnissä</translation>
    </message>
    <message>
        <source>the keyring is switched off</source>
        <translation>avainnippu on kytketty pois päältä</translation>
    </message>
    <message>
        <source>the keyring in use keeps secrets in a plain file, not protected</source>
        <translation>käytössä oleva avainnippu säilyttää salaisuudet suojaamattomassa tiedostossa</translation>
    </message>
    <message>
        <source>none of the keyrings found is secure</source>
        <translation>mikään löydetyistä avainnipuista ei ole turvallinen</translation>
    </message>
    <message>
        <source>the keyring in use is not a secure one</source>
        <translation>käytössä oleva avainnippu ei ole turvallinen</translation>
    </message>
    <message>
        <source>the keyring could not be reached</source>
        <translation>avainnippuun ei saatu yhteyttä</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>Language of the post</source>
        <translation>Julkaisun kieli</translation>
    </message>
    <message>
        <source>Sent to networks that take it, so people who read this language find it</source>
        <translation>Lähetetään palveluihin, jotka ottavat sen vastaan, jotta tämän kielen lukijat löytävät julkaisun</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>Ei kerrottu</translation>
    </message>
    <message>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <source>Estonian</source>
        <translation>viro</translation>
    </message>
    <message>
        <source>German</source>
        <translation>saksa</translation>
    </message>
    <message>
        <source>French</source>
        <translation>ranska</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>espanja</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italia</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>hollanti</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>tanska</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>puola</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugali</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>venäjä</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>ukraina</translation>
    </message>
</context>
<context>
    <name>LifetimeChart</name>
    <message>
        <source>%1: %2 after %3 hours</source>
        <translation>%1: %2, %3 tuntia julkaisusta</translation>
    </message>
</context>
<context>
    <name>LinkCardBox</name>
    <message>
        <source>Link card</source>
        <translation>Linkkikortti</translation>
    </message>
    <message>
        <source>Link card title</source>
        <translation>Linkkikortin otsikko</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Otsikko</translation>
    </message>
    <message>
        <source>Link card description</source>
        <translation>Linkkikortin kuvaus</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Kuvaus</translation>
    </message>
    <message>
        <source>Remove card</source>
        <translation>Poista kortti</translation>
    </message>
    <message>
        <source>Remove the link card</source>
        <translation>Poista linkkikortti</translation>
    </message>
    <message>
        <source>Show card again</source>
        <translation>Näytä kortti uudelleen</translation>
    </message>
    <message>
        <source>Show the link card again</source>
        <translation>Näytä linkkikortti uudelleen</translation>
    </message>
    <message>
        <source>Images are attached: networks show the images instead of the card.</source>
        <translation>Julkaisussa on kuvia: palvelut näyttävät kuvat kortin sijaan.</translation>
    </message>
    <message>
        <source>Reading the link&apos;s card…</source>
        <translation>Luetaan linkin korttia…</translation>
    </message>
    <message>
        <source>The card was removed; the post goes without it.</source>
        <translation>Kortti poistettiin; julkaisu lähtee ilman sitä.</translation>
    </message>
</context>
<context>
    <name>LocalArchiveDialog</name>
    <message>
        <source>Add Local archive</source>
        <translation>Lisää paikallinen arkisto</translation>
    </message>
    <message>
        <source>Add a Local archive</source>
        <translation>Lisää paikallinen arkisto</translation>
    </message>
    <message>
        <source>A Local archive writes each post, with its images, into a new folder on this computer at the post&apos;s time. It needs no sign-in: a safe way to try Some Studio out, or to keep a record of what you publish.</source>
        <translation>Paikallinen arkisto kirjoittaa jokaisen julkaisun kuvineen julkaisun aikaan uuteen kansioon tälle tietokoneelle. Kirjautumista ei tarvita: turvallinen tapa kokeilla Some Studiota tai pitää kirjaa julkaisuistasi.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arkisto</translation>
    </message>
    <message>
        <source>Archive folder</source>
        <translation>Arkistokansio</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Valitse kansio…</translation>
    </message>
    <message>
        <source>Choose the archive folder</source>
        <translation>Valitse arkistokansio</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Kansio:</translation>
    </message>
    <message>
        <source>A folder that does not exist yet is made when you add the account.</source>
        <translation>Kansio, jota ei vielä ole, luodaan, kun lisäät tilin.</translation>
    </message>
    <message>
        <source>Enter the account&apos;s name.</source>
        <translation>Kirjoita tilin nimi.</translation>
    </message>
    <message>
        <source>Choose the folder the posts are written into.</source>
        <translation>Valitse kansio, johon julkaisut kirjoitetaan.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>demo data</source>
        <translation>esittelyaineisto</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Kirjoita</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalenteri</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Suunnittelu</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Mittarit</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Tilit</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Saapuneet</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Yhteistyöt</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sivut</translation>
    </message>
    <message numerus="yes">
        <source>%n new replies or mentions</source>
        <translation>
            <numerusform>%n uusi vastaus tai maininta</numerusform>
            <numerusform>%n uutta vastausta tai mainintaa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n lukematon</numerusform>
            <numerusform>%n lukematonta</numerusform>
        </translation>
    </message>
    <message>
        <source>The scheduler is still starting; try again.</source>
        <translation>Ajastin käynnistyy vielä; yritä uudelleen.</translation>
    </message>
    <message>
        <source>Publish now?</source>
        <translation>Julkaistaanko nyt?</translation>
    </message>
    <message>
        <source>This post is scheduled for %1. Publish it now instead?</source>
        <translation>Tämä julkaisu on ajastettu ajalle %1. Julkaistaanko se sen sijaan nyt?</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Julkaise nyt</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Se ei onnistunut</translation>
    </message>
    <message>
        <source>Publishing now.</source>
        <translation>Julkaistaan nyt.</translation>
    </message>
    <message numerus="yes">
        <source>Publishing now on %n accounts</source>
        <translation>
            <numerusform>Julkaistaan nyt %n tilille</numerusform>
            <numerusform>Julkaistaan nyt %n tilille</numerusform>
        </translation>
    </message>
    <message>
        <source>Added the account “%1”.</source>
        <translation>Tili ”%1” lisätty.</translation>
    </message>
    <message>
        <source>Put draft on a day</source>
        <translation>Aseta luonnos päivälle</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Ajasta</translation>
    </message>
    <message numerus="yes">
        <source>%n posts need attention</source>
        <translation>
            <numerusform>%n julkaisu vaatii huomiota</numerusform>
            <numerusform>%n julkaisua vaatii huomiota</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminders</source>
        <translation>
            <numerusform>%n muistutus</numerusform>
            <numerusform>%n muistutusta</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tiedosto</translation>
    </message>
    <message>
        <source>&amp;New post</source>
        <translation>&amp;Uusi julkaisu</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Päivitä</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Muokkaa</translation>
    </message>
    <message>
        <source>Export re&amp;view pack…</source>
        <translation>Vie &amp;arviointipaketti…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Kumoa</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Kumoa: %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Kumoa</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Tee uudelleen</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Tee uudelleen: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Tee uudelleen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Näytä</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>&amp;Kirjoita</translation>
    </message>
    <message>
        <source>C&amp;alendar</source>
        <translation>K&amp;alenteri</translation>
    </message>
    <message>
        <source>P&amp;lan</source>
        <translation>S&amp;uunnittelu</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Mittarit</translation>
    </message>
    <message>
        <source>Acc&amp;ounts</source>
        <translation>&amp;Tilit</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>A&amp;setukset</translation>
    </message>
    <message>
        <source>&amp;Inbox</source>
        <translation>Saa&amp;puneet</translation>
    </message>
    <message>
        <source>Pa&amp;rtners</source>
        <translation>&amp;Yhteistyöt</translation>
    </message>
    <message>
        <source>Calendar &amp;view</source>
        <translation>Kalenterin &amp;näkymä</translation>
    </message>
    <message>
        <source>Posts &amp;waiting for you…</source>
        <translation>Sinua &amp;odottavat julkaisut…</translation>
    </message>
    <message>
        <source>&amp;Publish by hand…</source>
        <translation>&amp;Julkaise käsin…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ohje</translation>
    </message>
    <message>
        <source>Done again: %1</source>
        <translation>Tehty uudelleen: %1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Kumottu: %1</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Kuukausi</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Viikko</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Pikanäppäimet</translation>
    </message>
    <message>
        <source>&amp;About Some Studio</source>
        <translation>&amp;Tietoja Some Studiosta</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>This page could not be opened. Restart Some Studio; if it happens again, reinstall it (the log file has the details).</source>
        <translation>Tätä sivua ei voitu avata. Käynnistä Some Studio uudelleen; jos näin käy taas, asenna se uudelleen (lokitiedostossa on yksityiskohdat).</translation>
    </message>
    <message>
        <source>Keep your changes?</source>
        <translation>Säilytetäänkö muutokset?</translation>
    </message>
    <message>
        <source>Your changes to this scheduled post are not saved, and the post stays as it was saved. Keep the changes as a new draft, or discard them?</source>
        <translation>Muutoksiasi tähän ajastettuun julkaisuun ei ole tallennettu, ja julkaisu pysyy sellaisena kuin se tallennettiin. Säilytetäänkö muutokset uutena luonnoksena vai hylätäänkö ne?</translation>
    </message>
    <message>
        <source>Keep as a new draft</source>
        <translation>Säilytä uutena luonnoksena</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Hylkää muutokset</translation>
    </message>
    <message>
        <source>Save the changes to the scheduled post?</source>
        <translation>Tallennetaanko ajastetun julkaisun muutokset?</translation>
    </message>
    <message>
        <source>The post you are editing is scheduled, and your changes to it are not saved. Save them now, or quit without them: the post then goes out as it was saved.</source>
        <translation>Muokkaamasi julkaisu on ajastettu, eikä sen muutoksia ole tallennettu. Tallenna ne nyt tai lopeta ilman niitä: julkaisu lähtee silloin sellaisena kuin se on tallennettu.</translation>
    </message>
    <message>
        <source>Save and quit</source>
        <translation>Tallenna ja lopeta</translation>
    </message>
    <message>
        <source>Quit without saving</source>
        <translation>Lopeta tallentamatta</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Luonnokset</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Tietoja</translation>
    </message>
    <message>
        <source>Draft, schedule, publish and measure social media posts.</source>
        <translation>Luonnostele, ajasta, julkaise ja mittaa somejulkaisuja.</translation>
    </message>
</context>
<context>
    <name>MediaKit</name>
    <message>
        <source>Media kit</source>
        <translation>Mediakortti</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanavat</translation>
    </message>
    <message>
        <source>No channels yet.</source>
        <translation>Ei vielä kanavia.</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Seuraajat</translation>
    </message>
    <message>
        <source>Growth, 30 days</source>
        <translation>Kasvu, 30 päivää</translation>
    </message>
    <message>
        <source>Posts, 90 days</source>
        <translation>Julkaisut, 90 päivää</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>Vuorovaikutusaste</translation>
    </message>
    <message>
        <source>Best posts, 90 days</source>
        <translation>Parhaat julkaisut, 90 päivää</translation>
    </message>
    <message>
        <source>No posts with numbers yet.</source>
        <translation>Ei vielä julkaisuja, joilla on lukuja.</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Julkaistu</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Julkaisu</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Näyttökerrat</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Vuorovaikutukset</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Yleisö</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Hinnat</translation>
    </message>
    <message>
        <source>Past partners</source>
        <translation>Aiemmat yhteistyökumppanit</translation>
    </message>
    <message>
        <source>Engagement rate: likes, shares, replies and saves per view (per follower where the network reports no views), averaged over the channel&apos;s posts of the last 90 days.</source>
        <translation>Vuorovaikutusaste: tykkäykset, jaot, vastaukset ja tallennukset näyttökertaa kohden (seuraajaa kohden, jos palvelu ei kerro näyttökertoja), kanavan viimeisten 90 päivän julkaisujen keskiarvona.</translation>
    </message>
</context>
<context>
    <name>MediaKitDialog</name>
    <message>
        <source>Media kit</source>
        <translation>Mediakortti</translation>
    </message>
    <message>
        <source>Your name or brand</source>
        <translation>Nimesi tai brändisi</translation>
    </message>
    <message>
        <source>Who follows you: age, place, interests</source>
        <translation>Keitä seuraajasi ovat: ikä, paikkakunta, kiinnostuksen kohteet</translation>
    </message>
    <message>
        <source>One rate a line, e.g. Instagram post 450 €</source>
        <translation>Yksi hinta riville, esim. Instagram-julkaisu 450 €</translation>
    </message>
    <message>
        <source>Show past partners</source>
        <translation>Näytä aiemmat yhteistyökumppanit</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <source>Save PDF and PNG…</source>
        <translation>Tallenna PDF ja PNG…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Yleisö</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Hinnat</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Save PDF and PNG</source>
        <translation>Tallenna PDF ja PNG</translation>
    </message>
    <message>
        <source>Save the media kit</source>
        <translation>Tallenna mediakortti</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Tallennus ei onnistunut: %1</translation>
    </message>
    <message>
        <source>Saved %1 and %2</source>
        <translation>Tallennettu %1 ja %2</translation>
    </message>
</context>
<context>
    <name>MediaStrip</name>
    <message>
        <source>Attached images and videos</source>
        <translation>Liitetyt kuvat ja videot</translation>
    </message>
    <message>
        <source>Add images or video…</source>
        <translation>Lisää kuvia tai video…</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>tai pudota tiedostot tähän</translation>
    </message>
    <message>
        <source>Alt text: describe the image for people who cannot see it</source>
        <translation>Vaihtoehtoinen teksti: kuvaile kuva niille, jotka eivät näe sitä</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>Vaihtoehtoinen teksti</translation>
    </message>
    <message>
        <source>Alt text: describe the image or video for people who cannot see it</source>
        <translation>Vaihtoehtoinen teksti: kuvaile kuva tai video niille, jotka eivät näe sitä</translation>
    </message>
    <message>
        <source>Make it fit</source>
        <translation>Sovita</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>missing: moved or deleted (expected at %1)</source>
        <translation>puuttuu: siirretty tai poistettu (odotettu paikka %1)</translation>
    </message>
    <message>
        <source>not a playable video</source>
        <translation>ei toistettava video</translation>
    </message>
    <message>
        <source>not an image or video</source>
        <translation>ei kuva eikä video</translation>
    </message>
    <message>
        <source>Add images or video</source>
        <translation>Lisää kuvia tai video</translation>
    </message>
    <message>
        <source>Images and videos</source>
        <translation>Kuvat ja videot</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Kaikki tiedostot</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Tiedoston nimi</translation>
    </message>
    <message>
        <source>Alt text: describe the video for people who cannot see it</source>
        <translation>Vaihtoehtoinen teksti: kuvaile video niille, jotka eivät näe sitä</translation>
    </message>
    <message>
        <source>Shrink to %1</source>
        <translation>Pienennä kokoon %1</translation>
    </message>
    <message>
        <source>Save a smaller copy that fits; the original file is kept</source>
        <translation>Tallenna pienempi, sopiva kopio; alkuperäinen tiedosto säilyy</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Members and roles</source>
        <translation>Jäsenet ja roolit</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Jäsenet</translation>
    </message>
    <message>
        <source>Chosen member</source>
        <translation>Valittu jäsen</translation>
    </message>
    <message>
        <source>Role of the chosen member</source>
        <translation>Valitun jäsenen rooli</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Poista jäsen</translation>
    </message>
    <message>
        <source>This is me</source>
        <translation>Tämä olen minä</translation>
    </message>
    <message>
        <source>This is me on this computer</source>
        <translation>Tämä olen minä tällä tietokoneella</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>Lisää jäsen</translation>
    </message>
    <message>
        <source>New member&apos;s name</source>
        <translation>Uuden jäsenen nimi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>New member&apos;s role</source>
        <translation>Uuden jäsenen rooli</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Lisää jäsen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rooli:</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(sinä)</translation>
    </message>
    <message>
        <source>No members yet: you are the owner. Add yourself first (as the owner), then the people who share this workspace.</source>
        <translation>Jäseniä ei vielä ole: olet omistaja. Lisää ensin itsesi (omistajana) ja sitten ihmiset, jotka jakavat tämän työtilan.</translation>
    </message>
    <message>
        <source>Owners manage the members; editors approve and schedule; contributors write posts that wait for approval.</source>
        <translation>Omistajat hallitsevat jäseniä, editorit hyväksyvät ja ajastavat, avustajat kirjoittavat julkaisuja, jotka odottavat hyväksyntää.</translation>
    </message>
    <message>
        <source>Only an owner can change the members.</source>
        <translation>Vain omistaja voi muuttaa jäseniä.</translation>
    </message>
</context>
<context>
    <name>MembersGroup</name>
    <message>
        <source>Members</source>
        <translation>Jäsenet</translation>
    </message>
    <message>
        <source>Members and roles…</source>
        <translation>Jäsenet ja roolit…</translation>
    </message>
    <message>
        <source>Members and roles</source>
        <translation>Jäsenet ja roolit</translation>
    </message>
    <message>
        <source>Only you use this workspace: you are its owner. Add members when others share it; a contributor&apos;s posts then wait for an editor&apos;s approval.</source>
        <translation>Vain sinä käytät tätä työtilaa: olet sen omistaja. Lisää jäseniä, kun muut jakavat sen; avustajan julkaisut odottavat silloin editorin hyväksyntää.</translation>
    </message>
    <message>
        <source>This workspace has members; choose which one you are.</source>
        <translation>Tässä työtilassa on jäseniä. Valitse, kuka heistä olet.</translation>
    </message>
    <message>
        <source>You are %1: %2 (%3).</source>
        <translation>Olet %1: %2 (%3).</translation>
    </message>
</context>
<context>
    <name>MetricImport</name>
    <message>
        <source>Import numbers</source>
        <translation>Tuo luvut</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-tiedostot (*.csv);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <source>Imported %1 post rows, %2 account rows and %3 other values.</source>
        <translation>Tuotiin %1 julkaisuriviä, %2 tiliriviä ja %3 muuta arvoa.</translation>
    </message>
    <message>
        <source>Nothing was imported. Fix these lines and try again:</source>
        <translation>Mitään ei tuotu. Korjaa nämä rivit ja yritä uudelleen:</translation>
    </message>
</context>
<context>
    <name>MetricsPage</name>
    <message>
        <source>Metrics</source>
        <translation>Mittarit</translation>
    </message>
    <message>
        <source>Fetch now</source>
        <translation>Hae nyt</translation>
    </message>
    <message>
        <source>Ask the networks for the newest numbers</source>
        <translation>Hae palveluista uusimmat luvut</translation>
    </message>
    <message>
        <source>Enter numbers…</source>
        <translation>Syötä luvut…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Tuo CSV…</translation>
    </message>
    <message>
        <source>Monthly report…</source>
        <translation>Kuukausiraportti…</translation>
    </message>
    <message>
        <source>Totals per channel</source>
        <translation>Yhteensä kanavittain</translation>
    </message>
    <message>
        <source>Nothing published in this period yet.</source>
        <translation>Tällä jaksolla ei ole vielä julkaistu mitään.</translation>
    </message>
    <message>
        <source>Engagements per channel</source>
        <translation>Vuorovaikutukset kanavittain</translation>
    </message>
    <message>
        <source>No posts to draw.</source>
        <translation>Ei julkaisuja piirrettäväksi.</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Seuraajat</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Päivä</translation>
    </message>
    <message>
        <source>Top posts</source>
        <translation>Parhaat julkaisut</translation>
    </message>
    <message>
        <source>Choose a post to see its numbers over time; double-click opens it.</source>
        <translation>Valitse julkaisu nähdäksesi sen luvut ajan mittaan; kaksoisnapsautus avaa sen.</translation>
    </message>
    <message>
        <source>The chosen post over its first hours and days</source>
        <translation>Valittu julkaisu ensimmäisinä tunteinaan ja päivinään</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Lukumäärä</translation>
    </message>
    <message>
        <source>Hours since publishing</source>
        <translation>Tunteja julkaisusta</translation>
    </message>
    <message>
        <source>Choose a post that has numbers to see how they grew.</source>
        <translation>Valitse julkaisu, jolla on lukuja, niin näet, miten ne kasvoivat.</translation>
    </message>
    <message>
        <source>Mean engagement rate (%) by weekday and hour; numbers are posts</source>
        <translation>Keskimääräinen vuorovaikutusaste (%) viikonpäivittäin ja tunneittain; luvut ovat julkaisujen määriä</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Viikonpäivä</translation>
    </message>
    <message>
        <source>Hour of the day (local time)</source>
        <translation>Tunti (paikallista aikaa)</translation>
    </message>
    <message>
        <source>No numbers for posts in this period yet: each hour fills in once numbers for the posts sent then have been fetched.</source>
        <translation>Tältä jaksolta ei ole vielä julkaisujen lukuja: kukin tunti täyttyy, kun silloin lähetettyjen julkaisujen luvut on haettu.</translation>
    </message>
    <message>
        <source>Engagements per view where the network counts views, per follower otherwise. A cell from one or two posts is a hint, not a fact: it is drawn pale, and its colour grows stronger up to ten posts.</source>
        <translation>Vuorovaikutukset näyttökertaa kohden, jos palvelu laskee näyttökerrat, muuten seuraajaa kohden. Yhden tai kahden julkaisun ruutu on vihje, ei tosiasia: se piirretään vaaleana, ja sen väri voimistuu kymmeneen julkaisuun asti.</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Tavoitteet</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Toimenpiteet</translation>
    </message>
    <message numerus="yes">
        <source>Still unknown — comparisons without enough posts: %1. Each needs at least %2 posts on both sides; about %n more post(s) would settle the nearest.</source>
        <translation>
            <numerusform>Vielä ei tiedetä — vertailuja, joihin ei ole tarpeeksi julkaisuja: %1. Kukin tarvitsee vähintään %2 julkaisua kummallekin puolelle; noin %n julkaisu lisää ratkaisisi lähimmän.</numerusform>
            <numerusform>Vielä ei tiedetä — vertailuja, joihin ei ole tarpeeksi julkaisuja: %1. Kukin tarvitsee vähintään %2 julkaisua kummallekin puolelle; noin %n julkaisua lisää ratkaisisi lähimmän.</numerusform>
        </translation>
    </message>
    <message>
        <source>No clear differences found yet.</source>
        <translation>Selviä eroja ei ole vielä löytynyt.</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Havainnot</translation>
    </message>
    <message>
        <source>Engagements: likes, reposts and replies together.</source>
        <translation>Vuorovaikutukset: tykkäykset, jaot ja vastaukset yhteensä.</translation>
    </message>
    <message>
        <source>Suggested posting slots</source>
        <translation>Ehdotetut julkaisuajat</translation>
    </message>
    <message>
        <source>Use as posting slots</source>
        <translation>Käytä julkaisuaikoina</translation>
    </message>
    <message>
        <source>Statements from your own posts, per channel. A difference is claimed only with at least 10 posts on each side and when it holds after allowing for the many comparisons made; these are associations, not proof of cause.</source>
        <translation>Havaintoja omista julkaisuistasi kanavittain. Eroa väitetään vain, kun kummallakin puolella on vähintään 10 julkaisua ja ero säilyy monien vertailujen huomioimisen jälkeen; nämä ovat yhteyksiä, eivät todisteita syy-suhteesta.</translation>
    </message>
    <message>
        <source>Posting slots backed by these findings:</source>
        <translation>Näiden havaintojen tukemat julkaisuajat:</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Yleiskuva</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Julkaisut</translation>
    </message>
    <message>
        <source>Best times</source>
        <translation>Parhaat ajat</translation>
    </message>
    <message>
        <source>No follower counts yet. Fetch now reads them from the networks that give them; for the others, use Enter numbers…</source>
        <translation>Seuraajamääriä ei vielä ole. Hae nyt lukee ne palveluista, jotka antavat ne; muille käytä kohtaa Syötä luvut…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>The numbers could not be read: %1</source>
        <translation>Lukuja ei voitu lukea: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) published in this period; latest numbers per post.</source>
        <translation>
            <numerusform>%n julkaisu tällä jaksolla; uusimmat luvut julkaisuittain.</numerusform>
            <numerusform>%n julkaisua tällä jaksolla; uusimmat luvut julkaisuittain.</numerusform>
        </translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Tämä jakso</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Edellinen jakso</translation>
    </message>
    <message>
        <source>No engagement counts from: %1</source>
        <translation>Ei vuorovaikutuslukuja: %1</translation>
    </message>
    <message>
        <source>None yet: no time or weekday stands out clearly.</source>
        <translation>Ei vielä: mikään kellonaika tai viikonpäivä ei erotu selvästi.</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Vuorovaikutukset</translation>
    </message>
    <message>
        <source>No account here gives numbers by itself (a Local archive has no readers; posts published by hand are counted on their network): Enter numbers… and Import CSV… add them.</source>
        <translation>Mikään tili ei tuo lukuja itsestään (paikallisella arkistolla ei ole lukijoita; käsin julkaistut lasketaan omassa palvelussaan): Syötä luvut… ja Tuo CSV… lisäävät ne.</translation>
    </message>
    <message>
        <source>Nothing was published in this period.</source>
        <translation>Tällä jaksolla ei julkaistu mitään.</translation>
    </message>
    <message>
        <source>No engagement counts yet for this period. Fetch now reads them where the network gives them; for posts published by hand, use Enter numbers…</source>
        <translation>Tälle jaksolle ei vielä ole vuorovaikutuslukuja. Hae nyt lukee ne palveluista, jotka antavat ne; käsin julkaistuille käytä kohtaa Syötä luvut…</translation>
    </message>
    <message>
        <source>No follower counts were recorded in this period.</source>
        <translation>Tältä jaksolta ei ole tallennettu seuraajamääriä.</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Tykkäykset</translation>
    </message>
    <message>
        <source>Reposts</source>
        <translation>Jaot</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Vastaukset</translation>
    </message>
    <message>
        <source>Posting slots saved: %1</source>
        <translation>Julkaisuajat tallennettu: %1</translation>
    </message>
    <message>
        <source>Asking the networks…</source>
        <translation>Kysytään palveluilta…</translation>
    </message>
    <message>
        <source>No accounts to fetch numbers for.</source>
        <translation>Ei tilejä, joiden lukuja hakea.</translation>
    </message>
    <message>
        <source>Published by hand (enter their numbers with Enter numbers…)</source>
        <translation>Julkaistaan käsin (syötä niiden luvut Syötä luvut… -painikkeella)</translation>
    </message>
    <message>
        <source>Not signed in on this computer</source>
        <translation>Ei kirjautunut tällä tietokoneella</translation>
    </message>
    <message>
        <source>The network gives no numbers</source>
        <translation>Verkko ei anna lukuja</translation>
    </message>
    <message>
        <source>The demo&apos;s example accounts</source>
        <translation>Esittelyn esimerkkitilit</translation>
    </message>
    <message>
        <source>No server address</source>
        <translation>Ei palvelimen osoitetta</translation>
    </message>
    <message>
        <source>A Local archive has no readers</source>
        <translation>Paikallisella arkistolla ei ole lukijoita</translation>
    </message>
    <message>
        <source>No numbers to fetch. %1</source>
        <translation>Ei haettavia lukuja. %1</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) updated.</source>
        <translation>
            <numerusform>%n julkaisu päivitetty.</numerusform>
            <numerusform>%n julkaisua päivitetty.</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>Ongelmat: %1</translation>
    </message>
    <message>
        <source>Fetching failed: %1</source>
        <translation>Haku epäonnistui: %1</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>Week %1</source>
        <translation>Viikko %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n posts</source>
        <translation>
            <numerusform>%1 — %n julkaisu</numerusform>
            <numerusform>%1 — %n julkaisua</numerusform>
        </translation>
    </message>
    <message>
        <source>Wk</source>
        <translation>Vk</translation>
    </message>
</context>
<context>
    <name>MonthPlanModel</name>
    <message>
        <source>Week %1
%2</source>
        <translation>Viikko %1
%2</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>aukko</translation>
    </message>
    <message numerus="yes">
        <source>%n posts</source>
        <translation>
            <numerusform>%n julkaisu</numerusform>
            <numerusform>%n julkaisua</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not scheduled</source>
        <translation>
            <numerusform>%n ajastamatta</numerusform>
            <numerusform>%n ajastamatta</numerusform>
        </translation>
    </message>
    <message>
        <source>No post for %1 in week %2.</source>
        <translation>Tilille %1 ei ole julkaisua viikolla %2.</translation>
    </message>
    <message>
        <source>No post for %1 in week %2, which is over.</source>
        <translation>Tilille %1 ei ollut julkaisua viikolla %2, joka on jo ohi.</translation>
    </message>
</context>
<context>
    <name>MonthPlanView</name>
    <message>
        <source>Previous month</source>
        <translation>Edellinen kuukausi</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Seuraava kuukausi</translation>
    </message>
    <message>
        <source>Posts per account and week</source>
        <translation>Julkaisut tileittäin ja viikoittain</translation>
    </message>
    <message>
        <source>Reading the month…</source>
        <translation>Luetaan kuukautta…</translation>
    </message>
    <message>
        <source>The month could not be read: %1</source>
        <translation>Kuukautta ei voitu lukea: %1</translation>
    </message>
    <message>
        <source>Add an account on the Accounts page to plan its weeks.</source>
        <translation>Lisää tili Tilit-sivulla, niin voit suunnitella sen viikot.</translation>
    </message>
    <message numerus="yes">
        <source>%n gaps: a week with no post for an account.</source>
        <translation>
            <numerusform>%n aukko: viikko, jolla tilillä ei ole julkaisua.</numerusform>
            <numerusform>%n aukkoa: viikkoja, joilla tilillä ei ole julkaisua.</numerusform>
        </translation>
    </message>
    <message>
        <source>No gaps left to fill: the weeks without a post are over.</source>
        <translation>Täytettäviä aukkoja ei ole: viikot ilman julkaisua ovat jo ohi.</translation>
    </message>
    <message>
        <source>Every account has a post in every week.</source>
        <translation>Jokaisella tilillä on julkaisu joka viikolla.</translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <source>Some Studio · page %1</source>
        <translation>Some Studio · sivu %1</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Kuukausiraportti</translation>
    </message>
    <message>
        <source>times in %1</source>
        <translation>ajat aikavyöhykkeellä %1</translation>
    </message>
    <message>
        <source>Your own numbers</source>
        <translation>Omat lukusi</translation>
    </message>
    <message>
        <source>Wins of the month</source>
        <translation>Kuukauden onnistumiset</translation>
    </message>
    <message>
        <source>No wins recorded this month: no goal reached, no post with numbers.</source>
        <translation>Ei kirjattuja onnistumisia tässä kuussa: yhtään tavoitetta ei saavutettu eikä julkaisuilla ole lukuja.</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Tavoitteet</translation>
    </message>
    <message>
        <source>Headline numbers</source>
        <translation>Pääluvut</translation>
    </message>
    <message>
        <source>Posts published</source>
        <translation>Julkaisuja</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Vuorovaikutukset</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Näyttökerrat</translation>
    </message>
    <message>
        <source>Followers gained</source>
        <translation>Uusia seuraajia</translation>
    </message>
    <message>
        <source>no %1 figure to compare</source>
        <translation>ei vertailulukua (%1)</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 (vrt. %2)</translation>
    </message>
    <message>
        <source>Engagements per channel</source>
        <translation>Vuorovaikutukset kanavittain</translation>
    </message>
    <message>
        <source>Nothing was published this month.</source>
        <translation>Tässä kuussa ei julkaistu mitään.</translation>
    </message>
    <message>
        <source>Channels without numbers: enter them in Metrics → Enter numbers… (the numbers of posts published by hand are not fetched).</source>
        <translation>Kanavat ilman lukuja: syötä luvut kohdassa Mittarit → Syötä luvut… (käsin julkaistujen julkaisujen lukuja ei haeta).</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Julkaisut</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Tykkäykset</translation>
    </message>
    <message>
        <source>Reposts</source>
        <translation>Jaot</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Vastaukset</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Muutos</translation>
    </message>
    <message>
        <source>previous month</source>
        <translation>edellinen kuukausi</translation>
    </message>
    <message>
        <source>this month</source>
        <translation>tämä kuukausi</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Seuraajat</translation>
    </message>
    <message>
        <source>No follower counts this month.</source>
        <translation>Tältä kuulta ei ole seuraajamääriä.</translation>
    </message>
    <message>
        <source>Top posts</source>
        <translation>Parhaat julkaisut</translation>
    </message>
    <message>
        <source>No posts with numbers this month.</source>
        <translation>Tässä kuussa ei ole julkaisuja, joilla olisi lukuja.</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Julkaistu</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Julkaisu</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Havainnot</translation>
    </message>
    <message>
        <source>Too few posts this month to compare anything: each comparison needs at least 10 posts of a channel on both sides.</source>
        <translation>Tässä kuussa on liian vähän julkaisuja vertailuun: jokainen vertailu tarvitsee kanavalta vähintään 10 julkaisua kummallekin puolelle.</translation>
    </message>
    <message>
        <source>No clear differences this month: none of the %1 comparisons held once chance was allowed for. More posts make smaller differences visible.</source>
        <translation>Tässä kuussa ei ole selviä eroja: yksikään %1 vertailusta ei kestänyt, kun sattuma otettiin huomioon. Useampi julkaisu tuo pienemmätkin erot näkyviin.</translation>
    </message>
    <message>
        <source>How to read these: each statement compares a group of a channel&apos;s posts with the rest of that channel&apos;s posts (Mann–Whitney test, Holm-adjusted across all statements, at least 10 posts on each side). &apos;Did better in 70 % of pairs&apos; means a post from the group beat a post from the rest 7 times in 10.</source>
        <translation>Näin luet nämä: jokainen väite vertaa kanavan julkaisujen ryhmää saman kanavan muihin julkaisuihin (Mann–Whitneyn testi, Holmin korjaus kaikkien väitteiden yli, vähintään 10 julkaisua kummallakin puolella). ”Parempi 70 %:ssa pareista” tarkoittaa, että ryhmän julkaisu voitti muun julkaisun 7 kertaa 10:stä.</translation>
    </message>
    <message>
        <source>Your actions</source>
        <translation>Toimenpiteesi</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Yhteisö</translation>
    </message>
    <message>
        <source>Replies received: %1 · answered: %2 · median time to first answer: %3 · unanswered after 24 h at the month&apos;s end: %4</source>
        <translation>Saatuja vastauksia: %1 · vastattu: %2 · mediaaniaika ensimmäiseen vastaukseen: %3 · vastaamatta yli vuorokauden kuun lopussa: %4</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>Viikko alkaen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Saatu</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Vastattu</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move post</source>
        <translation>Siirrä julkaisu</translation>
    </message>
    <message>
        <source>Type a time, for example 9.00, 9:00, 900 or 21.30</source>
        <translation>Kirjoita kellonaika, esimerkiksi 9.00, 9:00, 900 tai 21.30</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Päivä:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Kellonaika:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Aikavyöhyke:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Päivä</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Kellonaika</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Siirrä</translation>
    </message>
    <message>
        <source>“%1” is not a time: write it like %2.</source>
        <translation>”%1” ei ole kellonaika: kirjoita se muodossa %2.</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>Local archive</source>
        <translation>Paikallinen arkisto</translation>
    </message>
    <message>
        <source>Facebook Page</source>
        <translation>Facebook-sivu</translation>
    </message>
</context>
<context>
    <name>NoAccountsHint</name>
    <message>
        <source>Add an account first: posts need somewhere to go.</source>
        <translation>Lisää ensin tili, jotta julkaisuilla on minne mennä.</translation>
    </message>
    <message>
        <source>Open Accounts</source>
        <translation>Avaa Tilit</translation>
    </message>
    <message>
        <source>Open the Accounts page</source>
        <translation>Avaa Tilit-sivu</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>A post could not be published</source>
        <translation>Julkaisua ei voitu julkaista</translation>
    </message>
    <message>
        <source>A post needs your attention</source>
        <translation>Julkaisu vaatii huomiotasi</translation>
    </message>
    <message>
        <source>A post was missed</source>
        <translation>Julkaisu myöhästyi</translation>
    </message>
    <message>
        <source>A first comment was not posted</source>
        <translation>Ensimmäistä kommenttia ei julkaistu</translation>
    </message>
    <message>
        <source>Published on %1: “%2”</source>
        <translation>Julkaistu tilillä %1: ”%2”</translation>
    </message>
    <message>
        <source>A post waits for your approval</source>
        <translation>Julkaisu odottaa hyväksyntääsi</translation>
    </message>
    <message>
        <source>%1 posts wait for your approval</source>
        <translation>%1 julkaisua odottaa hyväksyntääsi</translation>
    </message>
    <message>
        <source>%1 asked for approval. Open the post to approve it or return it.</source>
        <translation>%1 pyysi hyväksyntää. Avaa julkaisu hyväksyäksesi tai palauttaaksesi sen.</translation>
    </message>
    <message>
        <source>Open the post to approve it or return it.</source>
        <translation>Avaa julkaisu hyväksyäksesi tai palauttaaksesi sen.</translation>
    </message>
    <message>
        <source>Time to publish on %1</source>
        <translation>Aika julkaista palvelussa %1</translation>
    </message>
    <message>
        <source>Publish it as %1: open the list to copy its text, then mark it published.</source>
        <translation>Julkaise se tilillä %1: avaa lista, kopioi teksti ja merkitse se sitten julkaistuksi.</translation>
    </message>
    <message numerus="yes">
        <source>%n posts to publish by hand</source>
        <translation>
            <numerusform>%n julkaisu julkaistavana käsin</numerusform>
            <numerusform>%n julkaisua julkaistavana käsin</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the list to copy each text, then mark each one published.</source>
        <translation>Avaa lista, kopioi kunkin teksti ja merkitse kukin julkaistuksi.</translation>
    </message>
</context>
<context>
    <name>PartEditor</name>
    <message>
        <source>Post %1</source>
        <translation>Julkaisu %1</translation>
    </message>
    <message>
        <source>Thread post %1</source>
        <translation>Ketjun julkaisu %1</translation>
    </message>
</context>
<context>
    <name>PartnerReport</name>
    <message>
        <source>Collaboration report</source>
        <translation>Yhteistyöraportti</translation>
    </message>
    <message>
        <source>Made on %1</source>
        <translation>Laadittu %1</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Julkaisut</translation>
    </message>
    <message>
        <source>None of the posts has been published yet.</source>
        <translation>Yhtään julkaisua ei ole vielä julkaistu.</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Julkaistu</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Julkaisu</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Tavoittavuus</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Reaktiot</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Aste</translation>
    </message>
    <message>
        <source>vs. average</source>
        <translation>vs. keskiarvo</translation>
    </message>
    <message>
        <source>Reach is the views the network reports. Engagements are likes, shares, replies and saves. The rate is engagements per view, or per follower where the network reports no views. The average is of the creator&apos;s other posts on the same account in the 90 days before the first collaboration post.</source>
        <translation>Tavoittavuus on palvelun ilmoittamat näyttökerrat. Reaktiot ovat tykkäyksiä, jakoja, vastauksia ja tallennuksia. Aste on reaktiot näyttökertaa kohden, tai seuraajaa kohden, jos palvelu ei kerro näyttökertoja. Keskiarvo on laskettu tekijän muista saman tilin julkaisuista ensimmäistä yhteistyöjulkaisua edeltäneiltä 90 päivältä.</translation>
    </message>
    <message>
        <source>Posts published</source>
        <translation>Julkaisuja</translation>
    </message>
    <message>
        <source>Total reach</source>
        <translation>Tavoittavuus yhteensä</translation>
    </message>
    <message>
        <source>Total engagements</source>
        <translation>Reaktiot yhteensä</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>Sitoutumisaste</translation>
    </message>
    <message>
        <source>own average %1</source>
        <translation>oma keskiarvo %1</translation>
    </message>
    <message>
        <source>The creator&apos;s own average</source>
        <translation>Tekijän oma keskiarvo</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tili</translation>
    </message>
    <message>
        <source>Posts compared</source>
        <translation>Verrattuja julkaisuja</translation>
    </message>
    <message>
        <source>Average reach</source>
        <translation>Tavoittavuus keskimäärin</translation>
    </message>
    <message>
        <source>Average engagements</source>
        <translation>Reaktiot keskimäärin</translation>
    </message>
    <message>
        <source>Average rate</source>
        <translation>Aste keskimäärin</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Month plan</source>
        <translation>Kuukausisuunnitelma</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ideat</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampanjat</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation>Ohjeistus</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Suunnittelu</translation>
    </message>
</context>
<context>
    <name>PlanningMenu</name>
    <message>
        <source>&amp;Import posts from CSV…</source>
        <translation>&amp;Tuo julkaisut CSV-tiedostosta…</translation>
    </message>
    <message>
        <source>&amp;Export plan as CSV…</source>
        <translation>Vie suunnitelma &amp;CSV-tiedostoksi…</translation>
    </message>
    <message>
        <source>Export &amp;calendar (.ics)…</source>
        <translation>Vie &amp;kalenteri (.ics)…</translation>
    </message>
    <message>
        <source>Keep a calendar &amp;feed in a folder…</source>
        <translation>Pidä kalenteri&amp;syöte kansiossa…</translation>
    </message>
    <message numerus="yes">
        <source>%n posts imported.</source>
        <translation>
            <numerusform>%n julkaisu tuotu.</numerusform>
            <numerusform>%n julkaisua tuotu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export plan as CSV</source>
        <translation>Vie suunnitelma CSV-tiedostoksi</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Vie kalenteri</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Tiedostoa %1 ei voitu kirjoittaa: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n rows written to %1.</source>
        <translation>
            <numerusform>%n rivi kirjoitettu tiedostoon %1.</numerusform>
            <numerusform>%n riviä kirjoitettu tiedostoon %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events written to %1.</source>
        <translation>
            <numerusform>%n tapahtuma kirjoitettu tiedostoon %1.</numerusform>
            <numerusform>%n tapahtumaa kirjoitettu tiedostoon %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder for the calendar feed</source>
        <translation>Kalenterisyötteen kansio</translation>
    </message>
    <message>
        <source>The calendar feed is kept in %1.</source>
        <translation>Kalenterisyötettä pidetään kansiossa %1.</translation>
    </message>
    <message>
        <source>Could not update the calendar feed: %1</source>
        <translation>Kalenterisyötettä ei voitu päivittää: %1</translation>
    </message>
    <message>
        <source>Add an account first, on the Accounts page.</source>
        <translation>Lisää ensin tili Tilit-sivulla.</translation>
    </message>
    <message>
        <source>Plan the idea</source>
        <translation>Suunnittele idea</translation>
    </message>
    <message>
        <source>Which account is the draft for?</source>
        <translation>Mille tilille luonnos tehdään?</translation>
    </message>
    <message>
        <source>Plan idea</source>
        <translation>Suunnittele idea</translation>
    </message>
</context>
<context>
    <name>PostCard</name>
    <message>
        <source>… see more</source>
        <translation>… näytä lisää</translation>
    </message>
    <message>
        <source>Like · Comment · Repost · Send</source>
        <translation>Tykkää · Kommentoi · Jaa uudelleen · Lähetä</translation>
    </message>
    <message>
        <source>…see more</source>
        <translation>…näytä lisää</translation>
    </message>
    <message>
        <source>Like · Comment · Share</source>
        <translation>Tykkää · Kommentoi · Jaa</translation>
    </message>
    <message>
        <source>… See more</source>
        <translation>… Näytä lisää</translation>
    </message>
    <message>
        <source>… more</source>
        <translation>… lisää</translation>
    </message>
    <message>
        <source>Like · Comment</source>
        <translation>Tykkää · Kommentoi</translation>
    </message>
    <message>
        <source>… Read more</source>
        <translation>… Lue lisää</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nyt</translation>
    </message>
    <message>
        <source>Your headline</source>
        <translation>Profiilisi otsikko</translation>
    </message>
    <message>
        <source>No picture yet: this network shows one here</source>
        <translation>Ei vielä kuvaa – tässä verkossa julkaisu alkaa kuvalla</translation>
    </message>
    <message>
        <source>… the thread goes on: %1 posts in all</source>
        <translation>… ketju jatkuu: yhteensä %1 julkaisua</translation>
    </message>
    <message>
        <source>First comment</source>
        <translation>Ensimmäinen kommentti</translation>
    </message>
    <message>
        <source>Preview for %1</source>
        <translation>Esikatselu: %1</translation>
    </message>
</context>
<context>
    <name>PostStatus</name>
    <message>
        <source>no reason was recorded</source>
        <translation>syytä ei tallentunut</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <source>%1: first comment not posted — %2</source>
        <translation>%1: ensimmäistä kommenttia ei julkaistu — %2</translation>
    </message>
</context>
<context>
    <name>PreviewDeck</name>
    <message>
        <source>Previews</source>
        <translation>Esikatselut</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Rinnakkain</translation>
    </message>
    <message>
        <source>One at a time</source>
        <translation>Yksi kerrallaan</translation>
    </message>
</context>
<context>
    <name>Publishers</name>
    <message>
        <source>seen just now</source>
        <translation>nähty juuri äsken</translation>
    </message>
    <message numerus="yes">
        <source>seen %n min ago</source>
        <translation>
            <numerusform>nähty %n min sitten</numerusform>
            <numerusform>nähty %n min sitten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>seen %n h ago</source>
        <translation>
            <numerusform>nähty %n t sitten</numerusform>
            <numerusform>nähty %n t sitten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>seen %n days ago</source>
        <translation>
            <numerusform>nähty %n päivä sitten</numerusform>
            <numerusform>nähty %n päivää sitten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1 (tämä tietokone)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No computer can publish this account — connect it on one.</source>
        <translation>Mikään tietokone ei voi julkaista tälle tilille — yhdistä se jollakin koneella.</translation>
    </message>
    <message>
        <source>Can publish from: %1</source>
        <translation>Voi julkaista koneilta: %1</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Lähde:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Tiedosto&amp;tyyppi:</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Return</source>
        <translation>Enter</translation>
    </message>
</context>
<context>
    <name>QuitQuestion</name>
    <message>
        <source>Keep running in the tray</source>
        <translation>Jätä käyntiin ilmoitusalueelle</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Lopeta silti</translation>
    </message>
    <message>
        <source>Quit Some Studio?</source>
        <translation>Lopetetaanko Some Studio?</translation>
    </message>
    <message numerus="yes">
        <source>%n posts are due in the next hour. Nothing will publish them while Some Studio is closed.</source>
        <translation>
            <numerusform>%n julkaisu on ajastettu seuraavan tunnin sisällä. Mikään ei julkaise sitä, kun Some Studio on suljettu.</numerusform>
            <numerusform>%n julkaisua on ajastettu seuraavan tunnin sisällä. Mikään ei julkaise niitä, kun Some Studio on suljettu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <source>Publish by hand</source>
        <translation>Julkaise käsin</translation>
    </message>
    <message>
        <source>No post is waiting to be published by hand.</source>
        <translation>Yksikään julkaisu ei odota käsin julkaisemista.</translation>
    </message>
    <message>
        <source>These posts are due on channels you publish to yourself. Copy the text, publish it in the app or site of the channel, then mark it published.</source>
        <translation>Nämä julkaisut ovat vuorossa kanavilla, joille julkaiset itse. Kopioi teksti, julkaise se kanavan sovelluksessa tai sivustolla ja merkitse se sitten julkaistuksi.</translation>
    </message>
    <message numerus="yes">
        <source>Coming up in the next %n days</source>
        <translation>
            <numerusform>Tulossa seuraavan %n päivän aikana</numerusform>
            <numerusform>Tulossa seuraavien %n päivän aikana</numerusform>
        </translation>
    </message>
    <message>
        <source>(you are reminded at each one&apos;s time)</source>
        <translation>(saat muistutuksen kunkin julkaisun ajankohtana)</translation>
    </message>
    <message numerus="yes">
        <source>%n images or videos to add</source>
        <translation>
            <numerusform>%n liitettävä kuva tai video</numerusform>
            <numerusform>%n liitettävää kuvaa tai videota</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Kopioi teksti</translation>
    </message>
    <message>
        <source>Open media folder</source>
        <translation>Avaa mediakansio</translation>
    </message>
    <message>
        <source>This post has no images or videos</source>
        <translation>Julkaisussa ei ole kuvia eikä videoita</translation>
    </message>
    <message>
        <source>Mark as published…</source>
        <translation>Merkitse julkaistuksi…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avaa</translation>
    </message>
    <message>
        <source>Paid collaboration: on Instagram, also tap Advanced settings → Tag business partner, so that the post says “Paid partnership with …”.</source>
        <translation>Kaupallinen yhteistyö: merkitse Instagramissa myös kaupallinen kumppani (Lisäasetukset), jotta julkaisussa lukee ”Maksettu kumppanuus”.</translation>
    </message>
    <message>
        <source>Paid collaboration: on TikTok, also turn on Content disclosure and ads → Disclose commercial content, and choose Branded content.</source>
        <translation>Kaupallinen yhteistyö: ota TikTokissa käyttöön myös kaupallisen sisällön ilmoittaminen (Disclose commercial content) ja valitse brändätty sisältö (Branded content).</translation>
    </message>
    <message>
        <source>Paid collaboration: on YouTube, also tick “My video contains paid promotion” in the video&apos;s details.</source>
        <translation>Kaupallinen yhteistyö: valitse YouTubessa videon tiedoista myös kohta, jonka mukaan video sisältää maksettua mainontaa.</translation>
    </message>
    <message>
        <source>Post %1 of %2</source>
        <translation>Julkaisu %1/%2</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Kopioi %1</translation>
    </message>
    <message>
        <source>Copy post %1 of %2</source>
        <translation>Kopioi julkaisu %1/%2</translation>
    </message>
    <message>
        <source>Post %1 of %2 for %3 (%4) is on the clipboard.</source>
        <translation>Julkaisu %1/%2 palveluun %3 (%4) on leikepöydällä.</translation>
    </message>
    <message>
        <source>The text for %1 (%2) is on the clipboard.</source>
        <translation>Teksti kanavalle %1 (%2) on leikepöydällä.</translation>
    </message>
    <message>
        <source>Mark as published</source>
        <translation>Merkitse julkaistuksi</translation>
    </message>
    <message>
        <source>Published on %1 (%2)? Paste the link to the live post if you have it.</source>
        <translation>Julkaistu kanavalle %1 (%2)? Liitä linkki julkaisuun, jos sinulla on se.</translation>
    </message>
    <message>
        <source>Link to the post (optional)</source>
        <translation>Linkki julkaisuun (valinnainen)</translation>
    </message>
    <message>
        <source>Marked as published on %1.</source>
        <translation>Merkitty julkaistuksi kanavalle %1.</translation>
    </message>
</context>
<context>
    <name>ReplyEditor</name>
    <message>
        <source>Your answer</source>
        <translation>Vastauksesi</translation>
    </message>
    <message>
        <source>Write an answer… (r)</source>
        <translation>Kirjoita vastaus… (r)</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Merkit</translation>
    </message>
    <message>
        <source>Mastodon tells a person only when they are mentioned: the mention goes out with the answer and counts in its length.</source>
        <translation>Mastodon kertoo viestistä vain henkilölle, joka mainitaan: maininta lähtee vastauksen mukana ja lasketaan sen pituuteen.</translation>
    </message>
    <message>
        <source>Saved replies</source>
        <translation>Tallennetut vastaukset</translation>
    </message>
    <message>
        <source>Put a saved reply into the answer (Ctrl+Shift+R)</source>
        <translation>Lisää tallennettu vastaus vastaukseen (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Send answer</source>
        <translation>Lähetä vastaus</translation>
    </message>
    <message>
        <source>Send the answer (Ctrl+Return)</source>
        <translation>Lähetä vastaus (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Inbox: send the answer</source>
        <translation>Saapuneet: lähetä vastaus</translation>
    </message>
    <message>
        <source>Inbox: back to the list from the answer</source>
        <translation>Saapuneet: vastauksesta takaisin listaan</translation>
    </message>
    <message>
        <source>Choose an entry to answer it.</source>
        <translation>Valitse merkintä, johon vastaat.</translation>
    </message>
    <message>
        <source>Answered.</source>
        <translation>Vastattu.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1/%2 merkkiä</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>mukana %1</translation>
    </message>
</context>
<context>
    <name>ReportCsvWords</name>
    <message>
        <source>month</source>
        <translation>kuukausi</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>aikavyöhyke</translation>
    </message>
    <message>
        <source>headline</source>
        <translation>tunnusluku</translation>
    </message>
    <message>
        <source>value</source>
        <translation>arvo</translation>
    </message>
    <message>
        <source>previous month</source>
        <translation>edellinen kuukausi</translation>
    </message>
    <message>
        <source>change %</source>
        <translation>muutos %</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>kanava</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>julkaisut</translation>
    </message>
    <message>
        <source>likes</source>
        <translation>tykkäykset</translation>
    </message>
    <message>
        <source>reposts</source>
        <translation>jaot</translation>
    </message>
    <message>
        <source>replies</source>
        <translation>vastaukset</translation>
    </message>
    <message>
        <source>quotes</source>
        <translation>lainaukset</translation>
    </message>
    <message>
        <source>saves</source>
        <translation>tallennukset</translation>
    </message>
    <message>
        <source>views</source>
        <translation>näyttökerrat</translation>
    </message>
    <message>
        <source>engagements</source>
        <translation>vuorovaikutukset</translation>
    </message>
    <message>
        <source>engagements previous month</source>
        <translation>vuorovaikutukset edellisenä kuukautena</translation>
    </message>
    <message>
        <source>top post</source>
        <translation>paras julkaisu</translation>
    </message>
    <message>
        <source>published</source>
        <translation>julkaistu</translation>
    </message>
    <message>
        <source>account</source>
        <translation>tili</translation>
    </message>
    <message>
        <source>text</source>
        <translation>teksti</translation>
    </message>
    <message>
        <source>insight channel</source>
        <translation>havainnon kanava</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>tekijä</translation>
    </message>
    <message>
        <source>group</source>
        <translation>ryhmä</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>mittari</translation>
    </message>
    <message>
        <source>posts in group</source>
        <translation>julkaisuja ryhmässä</translation>
    </message>
    <message>
        <source>other posts</source>
        <translation>muita julkaisuja</translation>
    </message>
    <message>
        <source>median in group</source>
        <translation>mediaani ryhmässä</translation>
    </message>
    <message>
        <source>median others</source>
        <translation>mediaani muissa</translation>
    </message>
    <message>
        <source>P(better) %</source>
        <translation>P(parempi) %</translation>
    </message>
    <message>
        <source>95% low %</source>
        <translation>95 % alaraja %</translation>
    </message>
    <message>
        <source>95% high %</source>
        <translation>95 % yläraja %</translation>
    </message>
    <message>
        <source>adjusted p</source>
        <translation>korjattu p</translation>
    </message>
    <message>
        <source>series</source>
        <translation>sarja</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>yksikkö</translation>
    </message>
    <message>
        <source>total</source>
        <translation>yhteensä</translation>
    </message>
    <message>
        <source>win</source>
        <translation>onnistuminen</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>kohde</translation>
    </message>
    <message>
        <source>day</source>
        <translation>päivä</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>tavoite</translation>
    </message>
    <message>
        <source>target</source>
        <translation>tavoitearvo</translation>
    </message>
    <message>
        <source>by</source>
        <translation>mennessä</translation>
    </message>
    <message>
        <source>per</source>
        <translation>jakso</translation>
    </message>
    <message>
        <source>progress %</source>
        <translation>edistyminen %</translation>
    </message>
    <message>
        <source>state</source>
        <translation>tila</translation>
    </message>
    <message>
        <source>action day</source>
        <translation>toimenpiteen päivä</translation>
    </message>
    <message>
        <source>action</source>
        <translation>toimenpide</translation>
    </message>
    <message>
        <source>counts before</source>
        <translation>lukuja ennen</translation>
    </message>
    <message>
        <source>days before</source>
        <translation>päiviä ennen</translation>
    </message>
    <message>
        <source>growth per day before</source>
        <translation>kasvu päivässä ennen</translation>
    </message>
    <message>
        <source>counts after</source>
        <translation>lukuja jälkeen</translation>
    </message>
    <message>
        <source>days after</source>
        <translation>päiviä jälkeen</translation>
    </message>
    <message>
        <source>growth per day after</source>
        <translation>kasvu päivässä jälkeen</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>ero</translation>
    </message>
    <message>
        <source>95% low</source>
        <translation>95 % alaraja</translation>
    </message>
    <message>
        <source>95% high</source>
        <translation>95 % yläraja</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>tulos</translation>
    </message>
    <message>
        <source>goal reached</source>
        <translation>tavoite saavutettu</translation>
    </message>
    <message>
        <source>cadence kept</source>
        <translation>tahti pidetty</translation>
    </message>
    <message>
        <source>biggest growth</source>
        <translation>suurin kasvu</translation>
    </message>
    <message>
        <source>best post</source>
        <translation>paras julkaisu</translation>
    </message>
    <message>
        <source>followers</source>
        <translation>seuraajat</translation>
    </message>
    <message>
        <source>week</source>
        <translation>viikko</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>saavutettu</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>aikataulussa</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>jäljessä</translation>
    </message>
    <message>
        <source>not growing</source>
        <translation>ei kasva</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>jäi saavuttamatta</translation>
    </message>
    <message>
        <source>too little data</source>
        <translation>liian vähän tietoa</translation>
    </message>
    <message>
        <source>no numbers</source>
        <translation>ei lukuja</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>pidetty</translation>
    </message>
    <message>
        <source>missed some</source>
        <translation>osa jäi</translation>
    </message>
    <message>
        <source>met</source>
        <translation>täyttyi</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>kesken</translation>
    </message>
    <message>
        <source>up</source>
        <translation>nousi</translation>
    </message>
    <message>
        <source>down</source>
        <translation>laski</translation>
    </message>
    <message>
        <source>no clear change</source>
        <translation>ei selvää muutosta</translation>
    </message>
    <message>
        <source>cannot tell</source>
        <translation>ei voi sanoa</translation>
    </message>
    <message>
        <source>media</source>
        <translation>media</translation>
    </message>
    <message>
        <source>length</source>
        <translation>pituus</translation>
    </message>
    <message>
        <source>hashtags</source>
        <translation>aihetunnisteet</translation>
    </message>
    <message>
        <source>weekday</source>
        <translation>viikonpäivä</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>tunti</translation>
    </message>
    <message>
        <source>engagement rate</source>
        <translation>vuorovaikutusaste</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Monthly report</source>
        <translation>Kuukausiraportti</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Tallenna PDF…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>Tallenna CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Kuukausi</translation>
    </message>
    <message>
        <source>report</source>
        <translation>raportti</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Tallenna raportti</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Tallennus ei onnistunut: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Tallennettu: %1</translation>
    </message>
</context>
<context>
    <name>ResendQuestion</name>
    <message>
        <source>Send it again?</source>
        <translation>Lähetetäänkö uudelleen?</translation>
    </message>
    <message>
        <source>The last try sent this post to %1 and got no answer, and Some Studio could not find it on %1 afterwards. It may be published already. Look at the account “%2” on %1 first: sending it again may publish it twice.</source>
        <translation>Viimeisin yritys lähetti julkaisun palveluun %1 eikä saanut vastausta, eikä Some Studio löytänyt sitä sieltä jälkikäteen. Se voi olla jo julkaistu. Katso ensin tili ”%2” palvelussa %1: uudelleen lähettäminen voi julkaista sen kahdesti.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Lähetä uudelleen</translation>
    </message>
</context>
<context>
    <name>ReviewPack</name>
    <message>
        <source>Nothing is planned for this period.</source>
        <translation>Tälle jaksolle ei ole suunniteltu mitään.</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 lisää</translation>
    </message>
    <message>
        <source>First comment</source>
        <translation>Ensimmäinen kommentti</translation>
    </message>
    <message>
        <source>does not pass the checks</source>
        <translation>ei läpäise tarkistuksia</translation>
    </message>
    <message>
        <source>passes the checks</source>
        <translation>läpäisee tarkistukset</translation>
    </message>
    <message>
        <source>Review pack</source>
        <translation>Arviointipaketti</translation>
    </message>
    <message>
        <source>Week %1: %2–%3</source>
        <translation>Viikko %1: %2–%3</translation>
    </message>
    <message>
        <source>Made on %1 at %2 · times in %3</source>
        <translation>Tehty %1 klo %2 · ajat vyöhykkeellä %3</translation>
    </message>
    <message>
        <source>Posts: %1</source>
        <translation>Julkaisuja: %1</translation>
    </message>
    <message>
        <source>First comment: %1</source>
        <translation>Ensimmäinen kommentti: %1</translation>
    </message>
</context>
<context>
    <name>ReviewPackDialog</name>
    <message>
        <source>Export review pack</source>
        <translation>Vie arviointipaketti</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Viikko</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Kuukausi</translation>
    </message>
    <message>
        <source>Week or month</source>
        <translation>Viikko vai kuukausi</translation>
    </message>
    <message>
        <source>A day in the period</source>
        <translation>Jakson jokin päivä</translation>
    </message>
    <message>
        <source>HTML page (opens in any browser)</source>
        <translation>HTML-sivu (aukeaa missä tahansa selaimessa)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Muoto</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tiedosto</translation>
    </message>
    <message>
        <source>Where to save the review pack</source>
        <translation>Minne arviointipaketti tallennetaan</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Valitse tiedosto</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Viedään</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Vie</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Jakso</translation>
    </message>
    <message>
        <source>Day in it</source>
        <translation>Päivä jaksolla</translation>
    </message>
    <message>
        <source>Save the review pack</source>
        <translation>Tallenna arviointipaketti</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <source>HTML pages (*.html *.htm)</source>
        <translation>HTML-sivut (*.html *.htm)</translation>
    </message>
    <message>
        <source>Choose where to save the review pack first.</source>
        <translation>Valitse ensin, minne arviointipaketti tallennetaan.</translation>
    </message>
    <message>
        <source>%1 already exists. Export again to replace it.</source>
        <translation>%1 on jo olemassa. Vie uudelleen, niin se korvataan.</translation>
    </message>
    <message>
        <source>Gathering the posts and their pictures…</source>
        <translation>Kootaan julkaisuja ja niiden kuvia…</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>Tallennetaan %1…</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Tiedostoa %1 ei voitu tallentaa: %2</translation>
    </message>
    <message>
        <source>review</source>
        <translation>katsaus</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>Tallennettu %1 (%2).</translation>
    </message>
    <message>
        <source>the folder cannot be written to.</source>
        <translation>kansioon ei voi kirjoittaa.</translation>
    </message>
    <message>
        <source>the folder does not exist.</source>
        <translation>kansiota ei ole.</translation>
    </message>
    <message>
        <source>the disk is full.</source>
        <translation>levy on täynnä.</translation>
    </message>
    <message>
        <source>Could not read the posts: %1</source>
        <translation>Julkaisuja ei voitu lukea: %1</translation>
    </message>
</context>
<context>
    <name>SavedRepliesDialog</name>
    <message>
        <source>Saved replies</source>
        <translation>Tallennetut vastaukset</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Otsikko</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Vastaus</translation>
    </message>
    <message>
        <source>Thank you, {name}! …  ({name} is the person&apos;s name)</source>
        <translation>Kiitos, {name}! …  ({name} on henkilön nimi)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>Mikä tahansa kieli</translation>
    </message>
    <message>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Uusi</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Write the answer first.</source>
        <translation>Kirjoita ensin vastaus.</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Schedule post</source>
        <translation>Ajasta julkaisu</translation>
    </message>
    <message>
        <source>Ask for approval</source>
        <translation>Pyydä hyväksyntää</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Kellonaika</translation>
    </message>
    <message>
        <source>Type a time, for example 9.00, 9:00, 900 or 21.30</source>
        <translation>Kirjoita kellonaika, esimerkiksi 9.00, 9:00, 900 tai 21.30</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Aikavyöhyke</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Ei toistu</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Viikoittain</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Kuukausittain</translation>
    </message>
    <message>
        <source>day </source>
        <translation>päivä </translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>Kuukauden päivä</translation>
    </message>
    <message>
        <source>last day of the month</source>
        <translation>kuun viimeinen päivä</translation>
    </message>
    <message numerus="yes">
        <source> times</source>
        <translation>
            <numerusform> kerran jälkeen</numerusform>
            <numerusform> kerran jälkeen</numerusform>
        </translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Päivä:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Kellonaika:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Aikavyöhyke:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Toisto:</translation>
    </message>
    <message>
        <source>Ends after:</source>
        <translation>Päättyy:</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Ajasta</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Lisää jonoon</translation>
    </message>
    <message>
        <source>Each account&apos;s next free posting slot, instead of the time above (posting slots are set in Accounts)</source>
        <translation>Kunkin tilin seuraava vapaa julkaisuaika yllä olevan ajan sijaan (julkaisuajat asetetaan Tileissä)</translation>
    </message>
    <message>
        <source>Fix these first:</source>
        <translation>Korjaa nämä ensin:</translation>
    </message>
    <message>
        <source>Problems that stop scheduling</source>
        <translation>Ajastuksen estävät ongelmat</translation>
    </message>
    <message>
        <source>Will not go out unless you act first:</source>
        <translation>Ei lähde, ellet toimi ensin:</translation>
    </message>
    <message>
        <source>Worth a look:</source>
        <translation>Kannattaa tarkistaa:</translation>
    </message>
    <message>
        <source>Cannot schedule: your guidelines do not allow this post. Close this, fix what the list names in the composer, then schedule.</source>
        <translation>Ei voi ajastaa: someohjeistuksenne ei salli tätä julkaisua. Sulje tämä, korjaa luettelon kohdat kirjoitusnäkymässä ja ajasta sitten.</translation>
    </message>
    <message>
        <source>“%1” is not a time: type it like %2 or %3.</source>
        <translation>”%1” ei ole kellonaika: kirjoita se muodossa %2 tai %3.</translation>
    </message>
    <message>
        <source>Unknown time zone: %1</source>
        <translation>Tuntematon aikavyöhyke: %1</translation>
    </message>
    <message>
        <source>The first one (UTC%1)</source>
        <translation>Ensimmäinen (UTC%1)</translation>
    </message>
    <message>
        <source>The second one (UTC%1)</source>
        <translation>Toinen (UTC%1)</translation>
    </message>
    <message>
        <source>Use %1 instead</source>
        <translation>Käytä sen sijaan aikaa %1</translation>
    </message>
    <message>
        <source>Pick another time</source>
        <translation>Valitse toinen aika</translation>
    </message>
    <message>
        <source>That time has already passed.</source>
        <translation>Aika on jo mennyt.</translation>
    </message>
    <message>
        <source>Asked for %1; it goes out once an editor approves it.</source>
        <translation>Pyydetty ajaksi %1; julkaisu lähtee, kun editori on hyväksynyt sen.</translation>
    </message>
    <message>
        <source>Goes out %1.</source>
        <translation>Julkaistaan %1.</translation>
    </message>
    <message numerus="yes">
        <source>Queued for %1 on %n accounts</source>
        <translation>
            <numerusform>Lisätty jonoon %n tilille: %1</numerusform>
            <numerusform>Lisätty jonoon %n tilille: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued on %n accounts, the first %1</source>
        <translation>
            <numerusform>Lisätty jonoon %n tilille, ensimmäinen %1</numerusform>
            <numerusform>Lisätty jonoon %n tilille, ensimmäinen %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scheduled %n posts, the first %1</source>
        <translation>
            <numerusform>Ajastettu %n julkaisu, ensimmäinen %1</numerusform>
            <numerusform>Ajastettu %n julkaisua, ensimmäinen %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asked for approval: %1 on %n accounts</source>
        <translation>
            <numerusform>Hyväksyntää pyydetty %n tilille: %1</numerusform>
            <numerusform>Hyväksyntää pyydetty %n tilille: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scheduled %1 on %n accounts</source>
        <translation>
            <numerusform>Ajastettu %n tilille: %1</numerusform>
            <numerusform>Ajastettu %n tilille: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one weekday.</source>
        <translation>Valitse vähintään yksi viikonpäivä.</translation>
    </message>
    <message>
        <source>Cannot schedule: %1 would refuse this post. Close this, fix what the list names in the composer (the text or the media; or give that account its own text, or untick it), then schedule.</source>
        <translation>Ei voi ajastaa: %1 hylkäisi tämän julkaisun. Sulje tämä, korjaa luettelon nimeämät kohdat kirjoitusnäkymässä (teksti tai media; tai anna tilille oma teksti tai poista sen valinta) ja ajasta sitten.</translation>
    </message>
    <message>
        <source>These dates need another time: %1</source>
        <translation>Nämä päivät tarvitsevat toisen ajan: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n posts, from %1 to %2.</source>
        <translation>
            <numerusform>%n julkaisu, %1.</numerusform>
            <numerusform>%n julkaisua, %1–%2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesNote</name>
    <message>
        <source>Post %1 of %2 in a repeating series</source>
        <translation>Julkaisu %1/%2 toistuvassa sarjassa</translation>
    </message>
    <message>
        <source>every week on %1 at %2</source>
        <translation>joka viikko %1 klo %2</translation>
    </message>
    <message numerus="yes">
        <source>every %n weeks on %1 at %2</source>
        <translation>
            <numerusform>%n viikon välein %1 klo %2</numerusform>
            <numerusform>%n viikon välein %1 klo %2</numerusform>
        </translation>
    </message>
    <message>
        <source>on the last day of every month at %1</source>
        <translation>joka kuun viimeisenä päivänä klo %1</translation>
    </message>
    <message numerus="yes">
        <source>on the last day of every %n months at %1</source>
        <translation>
            <numerusform>%n kuukauden välein kuun viimeisenä päivänä klo %1</numerusform>
            <numerusform>%n kuukauden välein kuun viimeisenä päivänä klo %1</numerusform>
        </translation>
    </message>
    <message>
        <source>every month on day %1 at %2</source>
        <translation>joka kuun %1. päivänä klo %2</translation>
    </message>
    <message numerus="yes">
        <source>every %n months on day %1 at %2</source>
        <translation>
            <numerusform>%n kuukauden välein kuun %1. päivänä klo %2</numerusform>
            <numerusform>%n kuukauden välein kuun %1. päivänä klo %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Repeating series</source>
        <translation>Toistuva sarja</translation>
    </message>
    <message>
        <source>This is post %1 of %2 in a repeating series. Save the changed text to this post only, or to the later posts of the series too? Posts already published are not changed.</source>
        <translation>Tämä on toistuvan sarjan julkaisu %1/%2. Tallennetaanko muutettu teksti vain tähän julkaisuun vai myös sarjan myöhempiin julkaisuihin? Jo julkaistuja ei muuteta.</translation>
    </message>
    <message>
        <source>Only this post</source>
        <translation>Vain tämä julkaisu</translation>
    </message>
    <message numerus="yes">
        <source>This and the later posts (%n)</source>
        <translation>
            <numerusform>Tämä ja myöhempi julkaisu (%n)</numerusform>
            <numerusform>Tämä ja myöhemmät julkaisut (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes saved to this post only; the other posts of the series keep their text.</source>
        <translation>Muutokset tallennettu vain tähän julkaisuun; sarjan muiden julkaisujen teksti ei muuttunut.</translation>
    </message>
    <message numerus="yes">
        <source>Changes saved to this post and %n later posts of its series.</source>
        <translation>
            <numerusform>Muutokset tallennettu tähän julkaisuun ja sarjan %n myöhempään julkaisuun.</numerusform>
            <numerusform>Muutokset tallennettu tähän julkaisuun ja sarjan %n myöhempään julkaisuun.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved: post %1 of the series is being published right now. Your changes are still here; save again in a moment, or save this post only.</source>
        <translation>Mitään ei tallennettu: sarjan julkaisu %1 on juuri lähdössä. Muutoksesi ovat tallessa tässä; tallenna hetken päästä uudelleen tai tallenna vain tämä julkaisu.</translation>
    </message>
    <message>
        <source>Not saved. Your changes are still here.</source>
        <translation>Ei tallennettu. Muutoksesi ovat yhä tässä.</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <source>Shared workspace connection</source>
        <translation>Yhteys yhteiseen työtilaan</translation>
    </message>
    <message>
        <source>⚠ The shared workspace on %1 cannot be reached. What you see may be out of date, and nothing can be saved until it answers again. Some Studio keeps trying.</source>
        <translation>⚠ Yhteiseen työtilaan palvelimella %1 ei saada yhteyttä. Näkymä voi olla vanhentunut, eikä mitään voi tallentaa ennen kuin palvelin vastaa taas. Some Studio yrittää yhteyttä itse.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window closes</source>
        <translation>Jatka ilmoitusalueella, kun ikkuna suljetaan</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Catch-up window in minutes</source>
        <translation>Myöhästymisraja minuutteina</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automaattinen (%1)</translation>
    </message>
    <message>
        <source>Automatic follows the language of your system.</source>
        <translation>Automaattinen noudattaa järjestelmäsi kieltä.</translation>
    </message>
    <message>
        <source>The new language is used when you restart Some Studio.</source>
        <translation>Uusi kieli otetaan käyttöön, kun käynnistät Some Studion uudelleen.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Kieli:</translation>
    </message>
    <message>
        <source>Catch-up window:</source>
        <translation>Myöhästymisraja:</translation>
    </message>
    <message>
        <source>Scheduled posts still go out while the window is closed.</source>
        <translation>Ajastetut julkaisut lähtevät silloinkin, kun ikkuna on suljettu.</translation>
    </message>
    <message>
        <source>Not available: no system tray was found on this desktop, so closing the window quits Some Studio.</source>
        <translation>Ei käytettävissä: tältä työpöydältä ei löytynyt ilmoitusaluetta, joten ikkunan sulkeminen lopettaa Some Studion.</translation>
    </message>
    <message>
        <source>When the computer was asleep or off at a post&apos;s time, a post late by less than this still goes out; a later one waits for your decision.</source>
        <translation>Jos tietokone oli lepotilassa tai sammuksissa julkaisun aikaan, tätä vähemmän myöhässä oleva julkaisu lähtee vielä; myöhäisempi odottaa päätöstäsi.</translation>
    </message>
    <message>
        <source>Starting and closing</source>
        <translation>Käynnistys ja sulkeminen</translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation>Ajastus</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Where your data is</source>
        <translation>Missä tietosi ovat</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Datakansio:</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Avaa datakansio</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Lokitiedosto:</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Avaa lokikansio</translation>
    </message>
    <message>
        <source>Your posts, accounts and numbers are in the data folder; passwords and tokens are kept in the system keyring, not there.</source>
        <translation>Julkaisusi, tilisi ja lukusi ovat datakansiossa; salasanat ja tunnisteet ovat järjestelmän avainnipussa, eivät datakansiossa.</translation>
    </message>
    <message>
        <source>Each change is kept as you make it; there is nothing to save.</source>
        <translation>Jokainen muutos tallentuu heti, kun teet sen; erikseen tallennettavaa ei ole.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pikanäppäimet</translation>
    </message>
    <message>
        <source>Tab and Shift+Tab move between controls. In the calendar, the arrow keys choose a day and Enter goes to its posts; Enter opens a post, and the Menu key (or Shift+F10) shows what you can do with it.</source>
        <translation>Sarkain ja Vaihto+Sarkain siirtävät säätimestä toiseen. Kalenterissa nuolinäppäimet valitsevat päivän ja Enter siirtyy sen julkaisuihin; Enter avaa julkaisun, ja valikkonäppäin (tai Vaihto+F10) näyttää, mitä sille voi tehdä.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Toiminto</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Näppäimet</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Show the posts that did not go out as planned</source>
        <translation>Näytä julkaisut, jotka eivät lähteneet suunnitellusti</translation>
    </message>
    <message>
        <source>Show the posts to publish by hand</source>
        <translation>Näytä käsin julkaistavat julkaisut</translation>
    </message>
    <message>
        <source>Posts scheduled to an account this computer cannot publish to: its sign-in is missing or was refused. They will not go out unless you connect the account first. Click to open Accounts.</source>
        <translation>Julkaisuja on ajastettu tilille, jolle tämä tietokone ei voi julkaista: sen kirjautuminen puuttuu tai se hylättiin. Ne eivät lähde, ellet yhdistä tiliä ensin. Avaa Tilit napsauttamalla.</translation>
    </message>
    <message>
        <source>Scheduler: starting…</source>
        <translation>Ajastin: käynnistyy…</translation>
    </message>
    <message>
        <source>Scheduler: running</source>
        <translation>Ajastin: käynnissä</translation>
    </message>
    <message>
        <source>Scheduler: stopped</source>
        <translation>Ajastin: pysäytetty</translation>
    </message>
    <message>
        <source>Nothing scheduled</source>
        <translation>Ei ajastettuja</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>tänään %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>huomenna %1</translation>
    </message>
    <message>
        <source>Next: %1 · %2</source>
        <translation>Seuraava: %1 · %2</translation>
    </message>
    <message>
        <source>⚠ Needs attention: %1</source>
        <translation>⚠ Vaatii huomiota: %1</translation>
    </message>
    <message>
        <source>📋 To publish by hand: %1</source>
        <translation>📋 Julkaistavana käsin: %1</translation>
    </message>
    <message numerus="yes">
        <source>🔑 Will not go out: %n posts</source>
        <translation>
            <numerusform>🔑 Ei lähde: %n julkaisu</numerusform>
            <numerusform>🔑 Ei lähde: %n julkaisua</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StorageText</name>
    <message>
        <source>A sqlite: workspace needs a file path.</source>
        <translation>sqlite:-työtila tarvitsee tiedostopolun.</translation>
    </message>
    <message>
        <source>A workspace is sqlite:PATH or postgresql://user@host/database.</source>
        <translation>Työtila on muotoa sqlite:POLKU tai postgresql://käyttäjä@palvelin/tietokanta.</translation>
    </message>
    <message>
        <source>The workspace URL contains a password. Leave it out of the URL: Some Studio asks for it and keeps it in the system keyring.</source>
        <translation>Työtilan osoitteessa on salasana. Jätä se pois osoitteesta: Some Studio kysyy sen ja säilyttää sen järjestelmän avainnipussa.</translation>
    </message>
    <message>
        <source>The port in the workspace URL is not a number.</source>
        <translation>Työtilan osoitteen portti ei ole numero.</translation>
    </message>
    <message>
        <source>A PostgreSQL workspace URL names the user, the server and the database: postgresql://user@host/database.</source>
        <translation>PostgreSQL-työtilan osoitteessa on käyttäjä, palvelin ja tietokanta: postgresql://käyttäjä@palvelin/tietokanta.</translation>
    </message>
    <message>
        <source>The workspace URL has options Some Studio does not use: %1.</source>
        <translation>Työtilan osoitteessa on asetuksia, joita Some Studio ei käytä: %1.</translation>
    </message>
    <message>
        <source>The server of %1 refused the password of %2. Enter the right password (it is kept in the system keyring).</source>
        <translation>Työtilan %1 palvelin ei hyväksynyt käyttäjän %2 salasanaa. Anna oikea salasana (se säilytetään järjestelmän avainnipussa).</translation>
    </message>
    <message>
        <source>The workspace %1 cannot be reached: %2</source>
        <translation>Työtilaan %1 ei saada yhteyttä: %2</translation>
    </message>
    <message>
        <source>The workspace %1 was set up by a newer version of Some Studio (schema %2). Install the newer version; nothing was changed.</source>
        <translation>Työtilan %1 on ottanut käyttöön Some Studion uudempi versio (skeema %2). Asenna uudempi versio. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>The database %1 already has tables that are not Some Studio&apos;s (%2). Use an empty database; nothing was changed.</source>
        <translation>Tietokannassa %1 on jo tauluja, jotka eivät ole Some Studion (%2). Käytä tyhjää tietokantaa. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>Updating the workspace %1 to schema %2 failed: %3. It was left at its previous schema.</source>
        <translation>Työtilan %1 päivitys skeemaan %2 epäonnistui: %3. Työtila jätettiin edelliseen skeemaansa.</translation>
    </message>
    <message>
        <source>The workspace %1 needs a schema update, and Some Studio backs it up first with pg_dump, which is not installed here. Install PostgreSQL&apos;s client tools (or back the database up yourself and update from a machine that has them); nothing was changed.</source>
        <translation>Työtilan %1 skeema pitää päivittää, ja Some Studio varmuuskopioi sen ensin pg_dumpilla, jota ei ole asennettu tähän koneeseen. Asenna PostgreSQL:n asiakasohjelmat (tai varmuuskopioi tietokanta itse ja päivitä koneelta, jolla ne ovat). Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>The backup of %1 before its schema update failed (%2); nothing was changed.</source>
        <translation>Työtilan %1 varmuuskopiointi ennen skeeman päivitystä epäonnistui (%2). Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>The workspace is already %1; nothing was copied.</source>
        <translation>Työtila on jo %1. Mitään ei kopioitu.</translation>
    </message>
    <message>
        <source>The workspace %1 is not at this version&apos;s schema (%2 here, %3 expected). Open it with Some Studio once, then move it; nothing was copied.</source>
        <translation>Työtilan %1 skeema ei ole tämän version mukainen (siinä %2, odotettiin %3). Avaa se kerran Some Studiolla ja siirrä sitten. Mitään ei kopioitu.</translation>
    </message>
    <message>
        <source>%1 already exists; a workspace is moved into a new file. Nothing was copied.</source>
        <translation>%1 on jo olemassa. Työtila siirretään uuteen tiedostoon. Mitään ei kopioitu.</translation>
    </message>
    <message>
        <source>The workspace %1 has tables this version of Some Studio does not know or lacks some it needs (%2); nothing was copied.</source>
        <translation>Työtilassa %1 on tauluja, joita tämä Some Studion versio ei tunne, tai siitä puuttuu tarvittavia tauluja (%2). Mitään ei kopioitu.</translation>
    </message>
    <message>
        <source>The workspace %1 already holds data (%2); a workspace is moved only into an empty one. Nothing was copied.</source>
        <translation>Työtilassa %1 on jo tietoja (%2). Työtilan voi siirtää vain tyhjään työtilaan. Mitään ei kopioitu.</translation>
    </message>
    <message>
        <source>The copy in %1 did not match the workspace it was copied from (%2); it was undone, nothing was changed.</source>
        <translation>Kopio työtilassa %1 ei vastannut työtilaa, josta se kopioitiin (%2). Kopiointi peruttiin, eikä mitään muutettu.</translation>
    </message>
    <message>
        <source>Copying %1 into %2 failed (%3); the copy was undone, nothing was changed.</source>
        <translation>Työtilan %1 kopiointi kohteeseen %2 epäonnistui (%3). Kopiointi peruttiin, eikä mitään muutettu.</translation>
    </message>
    <message>
        <source>The data folder %1 does not exist. Create it, or point SOMESTUDIO_HOME at an existing folder.</source>
        <translation>Datakansiota %1 ei ole olemassa. Luo se tai osoita SOMESTUDIO_HOME olemassa olevaan kansioon.</translation>
    </message>
    <message>
        <source>The data folder %1 is a file, not a folder. Point %2 at a folder (Some Studio keeps its database and settings there).</source>
        <translation>Datakansio %1 on tiedosto eikä kansio. Osoita %2 kansioon (Some Studio pitää siellä tietokantansa ja asetuksensa).</translation>
    </message>
    <message>
        <source>The data folder %1 (from %2) is a file, not a folder. Point %2 at a folder (Some Studio keeps its database and settings there).</source>
        <translation>Datakansio %1 (muuttujasta %2) on tiedosto eikä kansio. Osoita %2 kansioon (Some Studio pitää siellä tietokantansa ja asetuksensa).</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be created: %2 is a file, not a folder.</source>
        <translation>Datakansiota %1 ei voi luoda: %2 on tiedosto eikä kansio.</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be created: %2 is not writable. Create the folder yourself or point %3 somewhere you can write.</source>
        <translation>Datakansiota %1 ei voi luoda: kansioon %2 ei voi kirjoittaa. Luo kansio itse tai osoita %3 kansioon, johon voit kirjoittaa.</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be created (%2).</source>
        <translation>Datakansiota %1 ei voi luoda (%2).</translation>
    </message>
    <message>
        <source>The data folder %1 is not writable (%2). Some Studio keeps its database there; fix the folder&apos;s permissions or choose another folder with SOMESTUDIO_HOME.</source>
        <translation>Datakansioon %1 ei voi kirjoittaa (%2). Some Studio pitää tietokantansa siellä: korjaa kansion oikeudet tai valitse toinen kansio SOMESTUDIO_HOME-muuttujalla.</translation>
    </message>
    <message>
        <source>There is no room in %1 for the backup Some Studio makes before updating the database (about %2 MB). Free some space and start again; the database was not changed.</source>
        <translation>Kansiossa %1 ei ole tilaa varmuuskopiolle, jonka Some Studio tekee ennen tietokannan päivittämistä (noin %2 Mt). Vapauta tilaa ja käynnistä ohjelma uudelleen. Tietokantaa ei muutettu.</translation>
    </message>
    <message>
        <source>The backup of %1 into %2 failed (%3); the database was not updated. Fix the folder and start again.</source>
        <translation>Tiedoston %1 varmuuskopiointi kansioon %2 epäonnistui (%3), joten tietokantaa ei päivitetty. Korjaa kansio ja käynnistä ohjelma uudelleen.</translation>
    </message>
    <message>
        <source>The backup of %1 did not verify (%2); the database was not updated. Run “somestudio doctor”.</source>
        <translation>Tiedoston %1 varmuuskopio ei läpäissyt tarkistusta (%2), joten tietokantaa ei päivitetty. Suorita komento ”somestudio doctor”.</translation>
    </message>
    <message>
        <source>%1 is inside Some Studio&apos;s data folder %2, where only Some Studio writes (its database, backups, settings and logs are there). Nothing was written; choose a file outside that folder.</source>
        <translation>%1 on Some Studion datakansiossa %2, johon vain Some Studio kirjoittaa (siellä ovat sen tietokanta, varmuuskopiot, asetukset ja lokit). Mitään ei kirjoitettu. Valitse tiedosto tämän kansion ulkopuolelta.</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Some Studio (schema %2; this version knows up to %3). Install the newer version; the file was not changed.</source>
        <translation>Tietokannan %1 on kirjoittanut Some Studion uudempi versio (skeema %2; tämä versio tuntee skeemat %3 asti). Asenna uudempi versio. Tiedostoa ei muutettu.</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened: %2.</source>
        <translation>Tietokantaa %1 ei voi avata: %2.</translation>
    </message>
    <message>
        <source>The database %1 cannot be created (%2).</source>
        <translation>Tietokantaa %1 ei voi luoda (%2).</translation>
    </message>
    <message>
        <source>The database %1 is damaged or not a database (%2). It was not changed.</source>
        <translation>Tietokanta %1 on vioittunut, tai se ei ole tietokanta (%2). Sitä ei muutettu.</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2). It was not changed; restore a copy from %3 or move the file away to start fresh.</source>
        <translation>Tietokanta %1 on vioittunut (%2). Sitä ei muutettu. Palauta kopio kansiosta %3 tai siirrä tiedosto pois, niin voit aloittaa alusta.</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2). It was not changed; move the file away to start fresh (there is no backup of it in the data folder).</source>
        <translation>Tietokanta %1 on vioittunut (%2). Sitä ei muutettu. Siirrä tiedosto pois, niin voit aloittaa alusta (datakansiossa ei ole siitä varmuuskopiota).</translation>
    </message>
    <message>
        <source>The database %1 failed its integrity check: %2. It was not changed; restore a copy from %3 or move the file away to start fresh.</source>
        <translation>Tietokanta %1 ei läpäissyt eheystarkistusta: %2. Sitä ei muutettu. Palauta kopio kansiosta %3 tai siirrä tiedosto pois, niin voit aloittaa alusta.</translation>
    </message>
    <message>
        <source>The database %1 failed its integrity check: %2. It was not changed; move the file away to start fresh (there is no backup of it in the data folder).</source>
        <translation>Tietokanta %1 ei läpäissyt eheystarkistusta: %2. Sitä ei muutettu. Siirrä tiedosto pois, niin voit aloittaa alusta (datakansiossa ei ole siitä varmuuskopiota).</translation>
    </message>
    <message>
        <source>The database %1 has %2 or more rows pointing at missing rows (table %3). It was not changed.</source>
        <translation>Tietokannassa %1 on vähintään %2 riviä, jotka viittaavat puuttuviin riveihin (taulu %3). Sitä ei muutettu.</translation>
    </message>
    <message>
        <source>Updating %1 to schema %2 (%3) failed: %4. The database was left at its previous version.</source>
        <translation>Tietokannan %1 päivitys skeemaan %2 (%3) epäonnistui: %4. Tietokanta jäi edelliseen versioonsa.</translation>
    </message>
    <message>
        <source>%1 exists but is not a file.</source>
        <translation>%1 on olemassa, mutta se ei ole tiedosto.</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened for writing (%2). Fix its permissions; the file was not changed.</source>
        <translation>Tietokantaa %1 ei voi avata kirjoittamista varten (%2). Korjaa sen oikeudet. Tiedostoa ei muutettu.</translation>
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging (journal mode %2); network file systems are not supported for the data folder.</source>
        <translation>Tietokanta %1 ei voi käyttää WAL-lokia (journal mode %2). Datakansio ei voi olla verkkolevyllä.</translation>
    </message>
    <message>
        <source>%1 is not a Some Studio database (it is not an SQLite file). It was not changed; move it away to start fresh.</source>
        <translation>%1 ei ole Some Studion tietokanta (se ei ole SQLite-tiedosto). Sitä ei muutettu. Siirrä se pois, niin voit aloittaa alusta.</translation>
    </message>
    <message>
        <source>%1 is an empty file (0 bytes), not a Some Studio database; Some Studio never leaves one behind. It was not changed. Delete it or move it away to start fresh.</source>
        <translation>%1 on tyhjä tiedosto (0 tavua) eikä Some Studion tietokanta; Some Studio ei koskaan jätä sellaista jälkeensä. Sitä ei muutettu. Poista se tai siirrä se pois, niin voit aloittaa alusta.</translation>
    </message>
    <message>
        <source>%1 is not a Some Studio database: it belongs to another application (application id %2). It was not changed. Move it out of the data folder (or point SOMESTUDIO_HOME at another folder) to start fresh.</source>
        <translation>%1 ei ole Some Studion tietokanta: se kuuluu toiselle sovellukselle (sovellustunniste %2). Sitä ei muutettu. Siirrä se pois datakansiosta (tai osoita SOMESTUDIO_HOME toiseen kansioon), niin voit aloittaa alusta.</translation>
    </message>
    <message>
        <source>%1 is not a Some Studio database: it is an SQLite file with no tables, not one Some Studio made. It was not changed. Move it out of the data folder (or point SOMESTUDIO_HOME at another folder) to start fresh.</source>
        <translation>%1 ei ole Some Studion tietokanta: se on SQLite-tiedosto, jossa ei ole yhtään taulua, eikä Some Studio ole tehnyt sitä. Sitä ei muutettu. Siirrä se pois datakansiosta (tai osoita SOMESTUDIO_HOME toiseen kansioon), niin voit aloittaa alusta.</translation>
    </message>
    <message>
        <source>%1 is not a Some Studio database: it is another program&apos;s SQLite file (schema %2; tables %3). It was not changed. Move it out of the data folder (or point SOMESTUDIO_HOME at another folder) to start fresh.</source>
        <translation>%1 ei ole Some Studion tietokanta: se on toisen ohjelman SQLite-tiedosto (skeema %2; taulut %3). Sitä ei muutettu. Siirrä se pois datakansiosta (tai osoita SOMESTUDIO_HOME toiseen kansioon), niin voit aloittaa alusta.</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>Owner</source>
        <translation>Omistaja</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editori</translation>
    </message>
    <message>
        <source>Contributor</source>
        <translation>Avustaja</translation>
    </message>
    <message>
        <source>manages the members, approves and schedules</source>
        <translation>hallitsee jäseniä, hyväksyy ja ajastaa</translation>
    </message>
    <message>
        <source>approves and schedules posts</source>
        <translation>hyväksyy ja ajastaa julkaisuja</translation>
    </message>
    <message>
        <source>writes posts and asks for approval</source>
        <translation>kirjoittaa julkaisuja ja pyytää hyväksyntää</translation>
    </message>
    <message>
        <source>Type the member&apos;s name.</source>
        <translation>Kirjoita jäsenen nimi.</translation>
    </message>
    <message>
        <source>A member already has that name.</source>
        <translation>Jäsenellä on jo tämä nimi.</translation>
    </message>
    <message>
        <source>The workspace needs at least one owner: make someone else an owner first.</source>
        <translation>Työtilalla täytyy olla ainakin yksi omistaja: tee ensin joku muu omistajaksi.</translation>
    </message>
    <message>
        <source>That member is no longer in the workspace.</source>
        <translation>Tämä jäsen ei ole enää työtilassa.</translation>
    </message>
    <message>
        <source>Only an owner can change the members.</source>
        <translation>Vain omistaja voi muuttaa jäseniä.</translation>
    </message>
    <message>
        <source>As a contributor, you ask for approval: an editor schedules the post.</source>
        <translation>Avustajana pyydät hyväksyntää: editori ajastaa julkaisun.</translation>
    </message>
    <message>
        <source>This post is waiting for approval: approve it (or return it) first.</source>
        <translation>Julkaisu odottaa hyväksyntää: hyväksy (tai palauta) se ensin.</translation>
    </message>
    <message>
        <source>Only an editor or an owner can approve or return posts.</source>
        <translation>Vain editori tai omistaja voi hyväksyä tai palauttaa julkaisuja.</translation>
    </message>
    <message>
        <source>This post is not waiting for approval any more.</source>
        <translation>Julkaisu ei enää odota hyväksyntää.</translation>
    </message>
    <message>
        <source>Say what should change, so the writer knows.</source>
        <translation>Kerro, mitä pitää muuttaa, jotta kirjoittaja tietää.</translation>
    </message>
    <message>
        <source>The time asked for has passed. Move the post to a new time on the calendar, then approve it.</source>
        <translation>Pyydetty aika on jo mennyt. Siirrä julkaisu kalenterissa uuteen aikaan ja hyväksy se sitten.</translation>
    </message>
    <message>
        <source>This post has no account to go to; choose one first.</source>
        <translation>Julkaisulla ei ole tiliä, jolle se menisi. Valitse ensin tili.</translation>
    </message>
    <message>
        <source>A repeating post cannot be asked for approval yet.</source>
        <translation>Toistuvalle julkaisulle ei voi vielä pyytää hyväksyntää.</translation>
    </message>
</context>
<context>
    <name>TopPostsModel</name>
    <message>
        <source>Published</source>
        <translation>Julkaistu</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tili</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Julkaisu</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Tykkäykset</translation>
    </message>
    <message>
        <source>Reposts</source>
        <translation>Jaot</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Vastaukset</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Näyttökerrat</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Vuorovaikutukset</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Aste</translation>
    </message>
</context>
<context>
    <name>TotalsChart</name>
    <message>
        <source>%1: %2 (previous period %3)</source>
        <translation>%1: %2 (edellinen jakso %3)</translation>
    </message>
</context>
<context>
    <name>TotalsModel</name>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Julkaisut</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Tykkäykset</translation>
    </message>
    <message>
        <source>Reposts</source>
        <translation>Jaot</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Vastaukset</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Näyttökerrat</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Vuorovaikutukset</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Muutos</translation>
    </message>
    <message>
        <source>No posts on this channel in the previous period to compare with</source>
        <translation>Kanavalla ei ollut julkaisuja edellisellä jaksolla, joten vertailukohtaa ei ole</translation>
    </message>
    <message>
        <source>The previous period&apos;s posts have no numbers to compare with</source>
        <translation>Edellisen jakson julkaisuilla ei ole lukuja, joihin verrata</translation>
    </message>
    <message>
        <source>Engagements in the previous period: %1</source>
        <translation>Vuorovaikutukset edellisellä jaksolla: %1</translation>
    </message>
    <message>
        <source>not offered</source>
        <translation>ei saatavilla</translation>
    </message>
    <message>
        <source>no numbers yet</source>
        <translation>ei vielä lukuja</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show Some Studio</source>
        <translation>Näytä Some Studio</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Uusi julkaisu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Lopeta</translation>
    </message>
    <message>
        <source>Some Studio</source>
        <translation>Some Studio</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Vaatii huomiota: %1</translation>
    </message>
    <message>
        <source>To publish by hand: %1</source>
        <translation>Julkaistavana käsin: %1</translation>
    </message>
    <message>
        <source>Unread in the inbox: %1</source>
        <translation>Lukemattomia saapuneissa: %1</translation>
    </message>
</context>
<context>
    <name>WeekCanvas</name>
    <message>
        <source>Week</source>
        <translation>Viikko</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>Hours of the week</source>
        <translation>Viikon tunnit</translation>
    </message>
    <message>
        <source>Week %1 · %2</source>
        <translation>Viikko %1 · %2</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Some Studio</source>
        <translation>Tervetuloa Some Studioon</translation>
    </message>
    <message>
        <source>Add your first account</source>
        <translation>Lisää ensimmäinen tilisi</translation>
    </message>
    <message>
        <source>Just looking?</source>
        <translation>Vain katselemassa?</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Ohita toistaiseksi</translation>
    </message>
    <message>
        <source>You can add more accounts later on the Accounts page (Ctrl+4).</source>
        <translation>Voit lisätä tilejä myöhemmin Tilit-sivulla (Ctrl+4).</translation>
    </message>
    <message>
        <source>Write a post once, fit it to each channel, put it on the calendar, and Some Studio publishes it on time. Start by choosing where your posts go.</source>
        <translation>Kirjoita julkaisu kerran, sovita se kuhunkin kanavaan ja laita se kalenteriin, niin Some Studio julkaisee sen ajallaan. Aloita valitsemalla, minne julkaisusi menevät.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Kieli:</translation>
    </message>
    <message>
        <source>Local archive…</source>
        <translation>Paikallinen arkisto…</translation>
    </message>
    <message>
        <source>Add a Local archive account</source>
        <translation>Lisää paikallinen arkisto</translation>
    </message>
    <message>
        <source>Each post is written into a folder on this computer at its time. No sign-in: the easiest way to try Some Studio out.</source>
        <translation>Jokainen julkaisu kirjoitetaan ajallaan kansioon tälle tietokoneelle. Ei kirjautumista: helpoin tapa kokeilla Some Studiota.</translation>
    </message>
    <message>
        <source>Publish by hand…</source>
        <translation>Julkaise käsin…</translation>
    </message>
    <message>
        <source>Add a publish-by-hand account</source>
        <translation>Lisää käsin julkaistava tili</translation>
    </message>
    <message>
        <source>Any network (Instagram, TikTok, X, …): at each post&apos;s time Some Studio reminds you and copies the text, and you publish it yourself.</source>
        <translation>Mikä tahansa palvelu (Instagram, TikTok, X, …): kunkin julkaisun aikaan Some Studio muistuttaa sinua ja kopioi tekstin, ja julkaiset sen itse.</translation>
    </message>
    <message>
        <source>Network to sign in to</source>
        <translation>Palvelu, johon kirjaudutaan</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Kirjaudu…</translation>
    </message>
    <message>
        <source>Sign in to the chosen network</source>
        <translation>Kirjaudu valittuun palveluun</translation>
    </message>
    <message>
        <source>Bluesky, Mastodon, X, LinkedIn, Facebook, Instagram, Threads or Pinterest: sign in and Some Studio publishes for you. The sign-in is kept in your system&apos;s keyring.</source>
        <translation>Bluesky, Mastodon, X, LinkedIn, Facebook, Instagram, Threads tai Pinterest: kirjaudu, niin Some Studio julkaisee puolestasi. Kirjautuminen säilytetään järjestelmäsi avainnipussa.</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Avaa esittely</translation>
    </message>
    <message>
        <source>A café&apos;s month of posts in a separate window, to look around. Nothing here changes, and the demo is thrown away when you close it.</source>
        <translation>Kahvilan kuukauden julkaisut omassa ikkunassaan tutustumista varten. Täällä mikään ei muutu, ja esittely poistetaan, kun suljet sen.</translation>
    </message>
    <message>
        <source>The demo opens in its own window. This window stays as it is.</source>
        <translation>Esittely avautuu omaan ikkunaansa. Tämä ikkuna pysyy ennallaan.</translation>
    </message>
    <message>
        <source>The demo could not be started from here. Start it from a terminal with: somestudio --demo</source>
        <translation>Esittelyä ei voitu käynnistää täältä. Käynnistä se päätteessä komennolla: somestudio --demo</translation>
    </message>
</context>
<context>
    <name>WhenText</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 klo %2</translation>
    </message>
</context>
<context>
    <name>WindowTeam</name>
    <message>
        <source>Who are you?</source>
        <translation>Kuka olet?</translation>
    </message>
    <message>
        <source>This workspace is shared by several people. Choose your name: your role decides whether you schedule posts or ask for approval. An owner can add you in Settings → Members if your name is missing.</source>
        <translation>Tätä työtilaa käyttää useampi ihminen. Valitse nimesi: roolisi ratkaisee, ajastatko julkaisuja itse vai pyydätkö hyväksyntää. Jos nimeäsi ei ole listassa, omistaja voi lisätä sinut kohdassa Asetukset → Jäsenet.</translation>
    </message>
</context>
<context>
    <name>WorkspaceGroup</name>
    <message>
        <source>Workspace</source>
        <translation>Työtila</translation>
    </message>
    <message>
        <source>Workspace in use</source>
        <translation>Käytössä oleva työtila</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>Käytössä:</translation>
    </message>
    <message>
        <source>postgresql://name@server/somestudio</source>
        <translation>postgresql://nimi@palvelin/somestudio</translation>
    </message>
    <message>
        <source>Shared workspace address</source>
        <translation>Yhteisen työtilan osoite</translation>
    </message>
    <message>
        <source>Shared workspace:</source>
        <translation>Yhteinen työtila:</translation>
    </message>
    <message>
        <source>Password of the shared workspace</source>
        <translation>Yhteisen työtilan salasana</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Salasana:</translation>
    </message>
    <message>
        <source>Use this workspace</source>
        <translation>Käytä tätä työtilaa</translation>
    </message>
    <message>
        <source>Use this computer&apos;s own file</source>
        <translation>Käytä tämän tietokoneen omaa tiedostoa</translation>
    </message>
    <message>
        <source>A shared workspace on a PostgreSQL server keeps one plan for several computers and people. The password is kept in the system keyring, never in the settings. To take this computer&apos;s posts along, first run “somestudio workspace move --to ADDRESS”.</source>
        <translation>PostgreSQL-palvelimella oleva yhteinen työtila pitää yhden suunnitelman usealle tietokoneelle ja ihmiselle. Salasana säilytetään järjestelmän avainnipussa, ei koskaan asetuksissa. Jos haluat ottaa tämän tietokoneen julkaisut mukaan, aja ensin ”somestudio workspace move --to OSOITE”.</translation>
    </message>
    <message>
        <source>This computer&apos;s own file (%1)</source>
        <translation>Tämän tietokoneen oma tiedosto (%1)</translation>
    </message>
    <message>
        <source>Enter the shared workspace&apos;s address first.</source>
        <translation>Kirjoita ensin yhteisen työtilan osoite.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Yhdistetään: %1…</translation>
    </message>
    <message>
        <source>Choosing this computer&apos;s own file…</source>
        <translation>Valitaan tämän tietokoneen oma tiedosto…</translation>
    </message>
    <message>
        <source>Chosen: %1. Some Studio opens it the next time it starts.</source>
        <translation>Valittu: %1. Some Studio avaa sen, kun se käynnistyy seuraavan kerran.</translation>
    </message>
    <message>
        <source>Chosen: this computer&apos;s own file. Some Studio opens it the next time it starts.</source>
        <translation>Valittu: tämän tietokoneen oma tiedosto. Some Studio avaa sen, kun se käynnistyy seuraavan kerran.</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>%1 is already running; raised its window.</source>
        <translation>%1 on jo käynnissä; sen ikkuna tuotiin esiin.</translation>
    </message>
    <message>
        <source>Some Studio&apos;s background scheduler (run-scheduler, pid %1) is publishing from the data folder %2, so the window cannot open on it. Stop it first (Ctrl+C in its terminal, or for the service: systemctl --user stop somestudio-scheduler), then start Some Studio; the window publishes while it is open.</source>
        <translation>Some Studion taustaajastin (run-scheduler, pid %1) julkaisee datakansiosta %2, joten ikkuna ei voi avautua sille. Pysäytä se ensin (Ctrl+C sen päätteessä, tai palvelu: systemctl --user stop somestudio-scheduler) ja käynnistä sitten Some Studio; ikkuna julkaisee, kun se on auki.</translation>
    </message>
    <message>
        <source>Another Some Studio process (%1, pid %2) is using the data folder %3. Close it first.</source>
        <translation>Toinen Some Studio -prosessi (%1, pid %2) käyttää datakansiota %3. Sulje se ensin.</translation>
    </message>
    <message>
        <source>To work in this computer&apos;s own workspace meanwhile, run: somestudio workspace use sqlite</source>
        <translation>Jos haluat sillä välin työskennellä tämän tietokoneen omassa työtilassa, suorita: somestudio workspace use sqlite</translation>
    </message>
</context>
</TS>
