<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ca" sourcelanguage="en">
<context>
    <name>AccountEditor</name>
    <message>
        <location filename="../../composer/ui/accounts_dialog.py" line="+156"/>
        <source>Edit account</source>
        <translation>Edita el compte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add an account</source>
        <translation>Afegeix un compte</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — unavailable</source>
        <translation>%1 — no disponible</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A name you recognise, e.g. “status mail”</source>
        <translation>Un nom que reconegueu, p. ex. «correu d&apos;estat»</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Prova la connexió</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind</source>
        <translation>Tipus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name *</source>
        <translation>Nom *</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>* required. Passwords and tokens are kept %1.</source>
        <translation>* obligatori. Les contrasenyes i els testimonis es guarden %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>nowhere yet: there is no keyring (you will be asked about this session)</source>
        <translation>enlloc encara: no hi ha anell de claus (se us preguntarà per aquesta sessió)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Leave blank to keep the stored one</source>
        <translation>Deixeu-ho en blanc per a mantenir el desat</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose a kind of account that is available.</source>
        <translation>Trieu un tipus de compte que estigui disponible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the account a name.</source>
        <translation>Doneu un nom al compte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already an account named “%1”.</source>
        <translation>Ja hi ha un compte anomenat «%1».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test the connection first: it shows the server&apos;s host key for you to confirm.</source>
        <translation>Proveu primer la connexió: mostra la clau de l&apos;amfitrió del servidor perquè la confirmeu.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The password could not be kept: the keyring is not available. Nothing was saved.</source>
        <translation>No s&apos;ha pogut guardar la contrasenya: l&apos;anell de claus no està disponible. No s&apos;ha desat res.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Testing %1…</source>
        <translation>S&apos;està provant %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The server at %1 shows a %2 host key with the fingerprint

%3

Is this the fingerprint your host gave you? Only then trust it: a server showing another key later is refused.</source>
        <translation>El servidor de %1 mostra una clau d&apos;amfitrió %2 amb l&apos;empremta

%3

És l&apos;empremta que us ha donat el vostre proveïdor? Confieu-hi només si ho és: si més endavant el servidor mostra una altra clau, es rebutjarà.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trust this server?</source>
        <translation>Voleu confiar en aquest servidor?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host key not trusted: nothing is uploaded to this server.</source>
        <translation>No s&apos;ha confiat en la clau de l&apos;amfitrió: no es puja res a aquest servidor.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location line="-285"/>
        <source>Unexpected error (%1).</source>
        <translation>Error inesperat (%1).</translation>
    </message>
    <message>
        <location line="+307"/>
        <location line="+10"/>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Keep secrets for this session only…</source>
        <translation>Guarda els secrets només durant aquesta sessió…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server or handle</source>
        <translation>Servidor o identificador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add…</source>
        <translation>&amp;Afegeix…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Edita…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Suprimeix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Prova la connexió</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Passwords and tokens are kept &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Les contrasenyes i els testimonis es guarden &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keyring is locked. Unlock it, then reopen this window.</source>
        <translation>L&apos;anell de claus està blocat. Desbloqueu-lo i torneu a obrir aquesta finestra.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (unavailable)</source>
        <translation>%1 (no disponible)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>none needed</source>
        <translation>no en cal cap</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not stored</source>
        <translation>no desat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keyring unavailable</source>
        <translation>anell de claus no disponible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none stored</source>
        <translation>cap desat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the keyring</source>
        <translation>a l&apos;anell de claus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>session only</source>
        <translation>només la sessió</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+7"/>
        <source>Remove account</source>
        <translation>Suprimeix el compte</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Remove the account “%1”? Its password or token is forgotten too.</source>
        <translation>Voleu suprimir el compte «%1»? També s&apos;oblidarà la contrasenya o el testimoni.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This kind of account cannot be used: %1</source>
        <translation>Aquest tipus de compte no es pot utilitzar: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Testing %1…</source>
        <translation>S&apos;està provant %1…</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../composer/ui/checklist_panel.py" line="+165"/>
        <source>Checking…</source>
        <translation>S&apos;està comprovant…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>1 check fails, %1 to look at: publishing needs a reason</source>
        <translation>Falla 1 comprovació, %1 per revisar: cal un motiu per a publicar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 check fails: publishing needs a reason</source>
        <translation>Falla 1 comprovació: cal un motiu per a publicar</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n checks fail, %1 to look at: publishing needs a reason</source>
        <translation>
            <numerusform>Falla %n comprovació, %1 per revisar: cal un motiu per a publicar</numerusform>
            <numerusform>Fallen %n comprovacions, %1 per revisar: cal un motiu per a publicar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n checks fail: publishing needs a reason</source>
        <translation>
            <numerusform>Falla %n comprovació: cal un motiu per a publicar</numerusform>
            <numerusform>Fallen %n comprovacions: cal un motiu per a publicar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No check fails; %n to look at</source>
        <translation>
            <numerusform>No falla cap comprovació; %n per revisar</numerusform>
            <numerusform>No falla cap comprovació; %n per revisar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All checks pass</source>
        <translation>Se superen totes les comprovacions</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../composer/ui/outreach_table.py" line="+48"/>
        <source>Contacted</source>
        <translation>Contactat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Ha fallat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uncertain: check in the outbox</source>
        <translation>Incert: comproveu-ho a la safata de sortida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied</source>
        <translation>Ha respost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs a call</source>
        <translation>Cal trucar-hi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent yet</source>
        <translation>Encara no enviat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being sent</source>
        <translation>S&apos;està enviant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancel·lat</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Correu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Enviat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telèfon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked by</source>
        <translation>Marcat per</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Motiu</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Click to copy the number</source>
        <translation>Feu clic per a copiar el número</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replied (marked by %1 at %2)</source>
        <translation>Ha respost (ho ha marcat %1 a les %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Needs a call (marked by %1 at %2)</source>
        <translation>Cal trucar-hi (ho ha marcat %1 a les %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sent by %1</source>
        <translation>Enviat per %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outbox job %1: File → Outbox… to decide</source>
        <translation>Tasca %1 de la safata de sortida: decidiu-ho a Fitxer → Safata de sortida…</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../composer/ui/empty_state.py" line="+57"/>
        <source>No incident yet</source>
        <translation>Encara no hi ha cap incidència</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When customers notice something wrong, start an incident here. You write its updates in this window; the checklist reads them as you type, and they go out to your channels.</source>
        <translation>Quan els clients notin que alguna cosa falla, comenceu aquí una incidència. N&apos;escriureu les actualitzacions en aquesta finestra; la llista de comprovació les llegeix mentre escriviu, i surten pels vostres canals.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Written elsewhere? Import an update from its Markdown file.</source>
        <translation>Ho heu escrit en un altre lloc? Importeu una actualització del seu fitxer Markdown.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New here? Fill in your organisation and the people who sign updates first.</source>
        <translation>Sou nou aquí? Empleneu primer la vostra organització i les persones que signen les actualitzacions.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Start an incident</source>
        <translation>Comença una incidència</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a file…</source>
        <translation>Importa un fitxer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation and people…</source>
        <translation>Organització i persones…</translation>
    </message>
</context>
<context>
    <name>FileExport</name>
    <message>
        <location filename="../../composer/ui/file_export.py" line="+31"/>
        <source>Export this update</source>
        <translation>Exporta aquesta actualització</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export</source>
        <translation>Exporta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write %1: %2</source>
        <translation>No s&apos;ha pogut escriure %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported to %1</source>
        <translation>S&apos;ha exportat a %1</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../composer/ui/history_dialog.py" line="+26"/>
        <source>published</source>
        <translation>publicada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>published despite failing checks</source>
        <translation>publicada tot i les comprovacions que fallen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported as published</source>
        <translation>importada com a publicada</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Revision history</source>
        <translation>Historial de revisions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revisions</source>
        <translation>Revisions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The revision&apos;s text</source>
        <translation>Text de la revisió</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · %2 words</source>
        <translation>%1 · %2 paraules</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · by %2 · %3 words</source>
        <translation>%1 · de %2 · %3 paraules</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A version from the team&apos;s workspace</source>
        <translation>Una versió de l&apos;espai de treball de l&apos;equip</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore this revision</source>
        <translation>&amp;Restaura aquesta revisió</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What happened to this update</source>
        <translation>Què ha passat amb aquesta actualització</translation>
    </message>
</context>
<context>
    <name>IncidentFilter</name>
    <message>
        <location filename="../../composer/ui/incident_filter.py" line="+29"/>
        <source>Filter by title or service</source>
        <translation>Filtra per títol o servei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter incidents</source>
        <translation>Filtra les incidències</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any status</source>
        <translation>Qualsevol estat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Obertes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Tancades</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Started</source>
        <translation>Inici</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any time</source>
        <translation>Qualsevol moment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 7 days</source>
        <translation>Últims 7 dies</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 30 days</source>
        <translation>Últims 30 dies</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 12 months</source>
        <translation>Últims 12 mesos</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../composer/ui/incident_form.py" line="+40"/>
        <source>What customers notice, e.g. “Email delivery delayed”</source>
        <translation>El que noten els clients, p. ex. «Retard en el lliurament del correu»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Affected services, comma separated</source>
        <translation>Serveis afectats, separats per comes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Region or site</source>
        <translation>Regió o centre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What customers cannot do</source>
        <translation>El que els clients no poden fer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What they can do meanwhile</source>
        <translation>El que poden fer mentrestant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Our own web&amp;site is down</source>
        <translation>El nostre &amp;lloc web no funciona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updates then give the alternate contact page, not our own</source>
        <translation>Aleshores les actualitzacions donen la pàgina de contacte alternativa, no la nostra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our own e&amp;mail is down</source>
        <translation>El nostre c&amp;orreu no funciona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updates then give the backup email, not our own address</source>
        <translation>Aleshores les actualitzacions donen el correu de reserva, no la nostra adreça</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Title</source>
        <translation>&amp;Títol</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Se&amp;verity</source>
        <translation>&amp;Gravetat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ser&amp;vices</source>
        <translation>Ser&amp;veis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>Inici</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Impact</source>
        <translation>&amp;Impacte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Re&amp;gion</source>
        <translation>&amp;Regió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Workaround</source>
        <translation>&amp;Solució provisional</translation>
    </message>
</context>
<context>
    <name>IncidentList</name>
    <message>
        <location filename="../../composer/ui/incident_list.py" line="+60"/>
        <source>January %1</source>
        <translation>Gener de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>February %1</source>
        <translation>Febrer de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>March %1</source>
        <translation>Març de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>April %1</source>
        <translation>Abril de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May %1</source>
        <translation>Maig de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>June %1</source>
        <translation>Juny de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>July %1</source>
        <translation>Juliol de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>August %1</source>
        <translation>Agost de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>September %1</source>
        <translation>Setembre de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>October %1</source>
        <translation>Octubre de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>November %1</source>
        <translation>Novembre de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>December %1</source>
        <translation>Desembre de %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>1 incident</source>
        <translation>1 incidència</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n incidents</source>
        <translation>
            <numerusform>%n incidència</numerusform>
            <numerusform>%n incidències</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Obertes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 closed</source>
        <translation>1 tancada</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n closed</source>
        <translation>
            <numerusform>%n tancada</numerusform>
            <numerusform>%n tancades</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Untitled incident</source>
        <translation>Incidència sense títol</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>⚠ Update overdue</source>
        <translation>⚠ Actualització endarrerida</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The promised next update is overdue</source>
        <translation>La propera actualització promesa va endarrerida</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Incidents</source>
        <translation>&amp;Incidències</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>U&amp;pdates</source>
        <translation>&amp;Actualitzacions</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>#%1 %2 · %3 · published</source>
        <translation>#%1 %2 · %3 · publicada</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../composer/ui/preferences_dialog.py" line="+51"/>
        <source>The system&apos;s language (%1)</source>
        <translation>La llengua del sistema (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Interface &amp;language:</source>
        <translation>&amp;Llengua de la interfície:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The new language applies the next time Incident Composer starts.</source>
        <translation>La llengua nova s&apos;aplicarà el pròxim cop que s&apos;iniciï l&apos;Incident Composer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Menus, buttons and messages; each update keeps its own language.</source>
        <translation>Menús, botons i missatges; cada actualització manté la seva llengua.</translation>
    </message>
</context>
<context>
    <name>LiveChecks</name>
    <message>
        <location filename="../../composer/ui/live_checks.py" line="+50"/>
        <source>No update selected</source>
        <translation>No hi ha cap actualització seleccionada</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../composer/ui/main_window.py" line="+65"/>
        <source>&amp;File</source>
        <translation>&amp;Fitxer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edita</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;View</source>
        <translation>&amp;Visualitza</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Checklist</source>
        <translation>Llista de comprovació</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Contact page saved to %1</source>
        <translation>S&apos;ha desat la pàgina de contacte a %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Published</source>
        <translation>Publicada</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Database recovered</source>
        <translation>S&apos;ha recuperat la base de dades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your data</source>
        <translation>Les vostres dades</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The next update for “%1” is due at %2.</source>
        <translation>La propera actualització de «%1» està prevista a les %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next update due soon</source>
        <translation>Propera actualització aviat</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+8"/>
        <source>Publish</source>
        <translation>Publica</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Save the update first: see the status bar.</source>
        <translation>Deseu primer l&apos;actualització: vegeu la barra d&apos;estat.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recorded as published</source>
        <translation>S&apos;ha registrat com a publicada</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Unsaved text</source>
        <translation>Text sense desar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last changes could not be saved (see the status bar). Stay open so you can export them?</source>
        <translation>No s&apos;han pogut desar els últims canvis (vegeu la barra d&apos;estat). Voleu mantenir l&apos;aplicació oberta per a poder-los exportar?</translation>
    </message>
</context>
<context>
    <name>ManualSending</name>
    <message>
        <location filename="../../composer/ui/manual_sending.py" line="+132"/>
        <source>Save the update first: see the status bar.</source>
        <translation>Deseu primer l&apos;actualització: vegeu la barra d&apos;estat.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export for manual sending</source>
        <translation>Exporta per a l&apos;enviament manual</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a folder for the update to send by hand</source>
        <translation>Trieu una carpeta per a l&apos;actualització que enviareu a mà</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Written for sending by hand to %1 (README.txt there says what each file is)</source>
        <translation>S&apos;ha escrit per a enviar a mà a %1 (el README.txt d&apos;allà explica què és cada fitxer)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copy for %1</source>
        <translation>Copia per a %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Copied what %1 would post: paste it there</source>
        <translation>S&apos;ha copiat el que publicaria %1: enganxeu-ho allà</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Put on the clipboard what %1 would post</source>
        <translation>Posa al porta-retalls el que publicaria %1</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../composer/ui/outreach_mapping.py" line="+71"/>
        <source>&amp;Template:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Signed by:</source>
        <translation>&amp;Signat per:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A customer whose language the list gives (ca, es, en) gets this template in their language when it exists; the others get it as chosen.</source>
        <translation>Un client de qui la llista dona la llengua (ca, es, en) rep aquesta plantilla en la seva llengua si existeix; els altres la reben tal com s&apos;ha triat.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Columns of the list for the template&apos;s fields</source>
        <translation>Columnes de la llista per als camps de la plantilla</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Preview: the first customers&apos; messages</source>
        <translation>Previsualització: els missatges dels primers clients</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(nobody yet: Edit → Organisation and people…)</source>
        <translation>(encara ningú: Edita → Organització i persones…)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Field</source>
        <translation>Camp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column of the list</source>
        <translation>Columna de la llista</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Or for everyone (when the cell is empty)</source>
        <translation>O per a tothom (si la cel·la és buida)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Column for %1</source>
        <translation>Columna per a %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no column)</source>
        <translation>(cap columna)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 for everyone</source>
        <translation>%1 per a tothom</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Already known: %1</source>
        <translation>Ja se sap: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed: a column or a value</source>
        <translation>Cal: una columna o un valor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The values typed for everyone go into every message as typed, whatever its language (this list has %1): map a column the list fills in each customer&apos;s language instead, or check them in the preview.</source>
        <translation>Els valors escrits per a tothom van a tots els missatges tal com s&apos;han escrit, sigui quina sigui la seva llengua (aquesta llista en té %1): assigneu-hi una columna que la llista ompli en la llengua de cada client, o reviseu-los a la previsualització.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not used by this template (ignored): %1</source>
        <translation>No els fa servir aquesta plantilla (s&apos;ignoren): %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No message for %1 of %2 customers (a field they need has no value):</source>
        <translation>No hi ha missatge per a %1 de %2 clients (un camp que necessiten no té valor):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every customer of the list gets a message.</source>
        <translation>Tots els clients de la llista reben un missatge.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No customer yet.</source>
        <translation>Encara no hi ha cap client.</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <location filename="../../composer/ui/new_incident_dialog.py" line="+73"/>
        <source>New incident</source>
        <translation>Incidència nova</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. “Email delivery delayed”</source>
        <translation>p. ex. «Retard en el lliurament del correu»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your local time (%1)</source>
        <translation>La vostra hora local (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Our own web&amp;site is down</source>
        <translation>El nostre &amp;lloc web no funciona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updates then give the alternate contact page, not our own</source>
        <translation>Aleshores les actualitzacions donen la pàgina de contacte alternativa, no la nostra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our own e&amp;mail is down</source>
        <translation>El nostre c&amp;orreu no funciona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updates then give the backup email, not our own address</source>
        <translation>Aleshores les actualitzacions donen el correu de reserva, no la nostra adreça</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create</source>
        <translation>Crea</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What are customers &amp;noticing?</source>
        <translation>Què &amp;noten els clients?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;When did customers first notice?</source>
        <translation>&amp;Quan ho van notar els clients per primer cop?</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>That is in the future: give the time customers first noticed.</source>
        <translation>Això és en el futur: indiqueu quan ho van notar els clients per primer cop.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is more than %1 days ago: is the date right?</source>
        <translation>Fa més de %1 dies: és correcta la data?</translation>
    </message>
</context>
<context>
    <name>OutboxBanner</name>
    <message>
        <location filename="../../composer/ui/outbox_banner.py" line="+33"/>
        <source>Outbox…</source>
        <translation>Safata de sortida…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What waits to be sent, what was sent, and what needs you</source>
        <translation>El que espera per enviar-se, el que s&apos;ha enviat i el que us necessita</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Offline: %n updates waiting</source>
        <translation>
            <numerusform>Sense connexió: %n actualització en espera</numerusform>
            <numerusform>Sense connexió: %n actualitzacions en espera</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: 1 update waiting</source>
        <translation>Sense connexió: 1 actualització en espera</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n updates waiting to be sent</source>
        <translation>
            <numerusform>%n actualització esperant per enviar-se</numerusform>
            <numerusform>%n actualitzacions esperant per enviar-se</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 update waiting to be sent</source>
        <translation>1 actualització esperant per enviar-se</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (next try %2)</source>
        <translation>%1 (proper intent: %2)</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../composer/ui/outbox_dialog.py" line="+202"/>
        <location line="+121"/>
        <source>Outbox</source>
        <translation>Safata de sortida</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Everything the app was asked to send, newest first. Waiting posts go out on their own when their server answers; failed and uncertain ones need you.</source>
        <translation>Tot el que s&apos;ha demanat a l&apos;aplicació que enviï, el més nou primer. Les publicacions en espera surten soles quan el seu servidor respon; les fallides i les incertes us necessiten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Posts</source>
        <translation>Publicacions</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The outbox is empty: nothing was published or queued yet.</source>
        <translation>La safata de sortida és buida: encara no s&apos;ha publicat ni posat a la cua res.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Retry</source>
        <translation>&amp;Torna-ho a provar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel sending</source>
        <translation>&amp;Cancel·la l&apos;enviament</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mark as sent by hand</source>
        <translation>&amp;Marca com a enviat a mà</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send &amp;anyway</source>
        <translation>&amp;Envia igualment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open link</source>
        <translation>&amp;Obre l&apos;enllaç</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a waiting, failed or cancelled post at once</source>
        <translation>Envia ara una publicació en espera, fallida o cancel·lada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not send this post</source>
        <translation>No enviïs aquesta publicació</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It did go out (you checked): never send it again</source>
        <translation>Sí que va sortir (ho heu comprovat): no la tornis a enviar mai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It did not go out (you checked): send it again</source>
        <translation>No va sortir (ho heu comprovat): torna-la a enviar</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Could not read the outbox (%1).</source>
        <translation>No s&apos;ha pogut llegir la safata de sortida (%1).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Retry</source>
        <translation>Torna-ho a provar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel sending</source>
        <translation>Cancel·la l&apos;enviament</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark as sent by hand</source>
        <translation>Marca com a enviat a mà</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if you have checked that it went out: the post to %1 was tried at %2. It will never be sent again. Mark it as sent?</source>
        <translation>Només si heu comprovat que va sortir: la publicació a %1 es va intentar a les %2. No es tornarà a enviar mai. Voleu marcar-la com a enviada?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send anyway</source>
        <translation>Envia igualment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The post to %1 may already have gone out at %2; if it did, people get it twice. Send it anyway?</source>
        <translation>Pot ser que la publicació a %1 ja hagi sortit a les %2; si és així, la gent la rebrà dues vegades. Voleu enviar-la igualment?</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>an unknown time</source>
        <translation>una hora desconeguda</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Unexpected error (%1); nothing was changed.</source>
        <translation>Error inesperat (%1); no s&apos;ha canviat res.</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location line="-375"/>
        <source>Waiting to be sent</source>
        <translation>Esperant per enviar-se</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being sent now</source>
        <translation>S&apos;està enviant ara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: needs you</source>
        <translation>Ha fallat: us necessita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May have gone out: check</source>
        <translation>Pot ser que hagi sortit: comproveu-ho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled: will not be sent</source>
        <translation>Cancel·lada: no s&apos;enviarà</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Where</source>
        <translation>On</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>Actualització</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tries</source>
        <translation>Intents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next try</source>
        <translation>Proper intent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Enllaç</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Double-click to open %1</source>
        <translation>Feu doble clic per a obrir %1</translation>
    </message>
</context>
<context>
    <name>OutboxWorkflow</name>
    <message>
        <location filename="../../composer/ui/outbox_workflow.py" line="+115"/>
        <source>Sent from the outbox to %1</source>
        <translation>S&apos;ha enviat des de la safata de sortida a %1</translation>
    </message>
</context>
<context>
    <name>OutreachDialog</name>
    <message>
        <location filename="../../composer/ui/outreach_dialog.py" line="+78"/>
        <source>Reach customers — %1</source>
        <translation>Contacte amb els clients — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;1 · Customers</source>
        <translation>&amp;1 · Clients</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;2 · Message</source>
        <translation>&amp;2 · Missatge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;3 · Send</source>
        <translation>&amp;3 · Envia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Who was reached</source>
        <translation>&amp;A qui s&apos;ha contactat</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The customers to write to: a CSV file (a header row; comma, semicolon or tab; UTF-8 or Windows-1252), or rows copied from a spreadsheet, the header row first. A column of addresses is needed; names, languages, phones and anything else are used when the template has a field for them.</source>
        <translation>Els clients a qui cal escriure: un fitxer CSV (amb una fila de capçalera; coma, punt i coma o tabulació; UTF-8 o Windows-1252) o files copiades d&apos;un full de càlcul, amb la fila de capçalera primer. Cal una columna d&apos;adreces; els noms, les llengües, els telèfons i qualsevol altra cosa s&apos;utilitzen si la plantilla hi té un camp.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open a CSV file…</source>
        <translation>&amp;Obre un fitxer CSV…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>…or paste the rows here (Name, Email, Language, Phone…)</source>
        <translation>…o enganxeu aquí les files (Nom, Correu, Llengua, Telèfon…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pasted rows</source>
        <translation>Files enganxades</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Use the pasted rows</source>
        <translation>&amp;Utilitza les files enganxades</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No list yet.</source>
        <translation>Encara no hi ha cap llista.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows left out</source>
        <translation>Files descartades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next: the message →</source>
        <translation>&amp;Següent: el missatge →</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Customers to reach</source>
        <translation>Clients amb qui contactar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the pasted rows</source>
        <translation>les files enganxades</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading %1…</source>
        <translation>S&apos;està llegint %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>comma</source>
        <translation>coma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>semicolon</source>
        <translation>punt i coma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tab</source>
        <translation>tabulació</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customers read from %1 (%2): %3.</source>
        <translation>Clients llegits de %1 (%2): %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rows left out: %1, listed below; fix them in the list and import it again.</source>
        <translation>Files descartades: %1, a la llista de sota; corregiu-les a la llista i torneu-la a importar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1</source>
        <translation>línia %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kept without it</source>
        <translation>es manté sense això</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>left out</source>
        <translation>descartada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not import the list: %1</source>
        <translation>No s&apos;ha pogut importar la llista: %1</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Import the list of customers first (step 1).</source>
        <translation>Importeu primer la llista de clients (pas 1).</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Customers who will get their own message: %1</source>
        <translation>Clients que rebran el seu propi missatge: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; with none, a field missing (step 2): %1</source>
        <translation>; sense cap, per falta d&apos;un camp (pas 2): %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; rows of the list left out (step 1): %1</source>
        <translation>; files de la llista descartades (pas 1): %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Reach customers</source>
        <translation>Contacte amb els clients</translation>
    </message>
</context>
<context>
    <name>OutreachWorkflow</name>
    <message>
        <location filename="../../composer/ui/outreach_workflow.py" line="+50"/>
        <source>Reach customers</source>
        <translation>Contacte amb els clients</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the incident to write about first.</source>
        <translation>Obriu primer la incidència de què voleu escriure.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../composer/ui/publish_gate.py" line="+16"/>
        <source>Publish with failing checks?</source>
        <translation>Voleu publicar amb comprovacions que fallen?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These checks fail:</source>
        <translation>Fallen aquestes comprovacions:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To publish anyway, say why. The reason is kept in this update&apos;s history.</source>
        <translation>Per a publicar igualment, digueu per què. El motiu es guarda a l&apos;historial d&apos;aquesta actualització.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. “Legal asked us not to name the supplier yet”</source>
        <translation>p. ex. «L&apos;assessoria jurídica ens ha demanat que encara no anomenem el proveïdor»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why publish anyway</source>
        <translation>Per què es publica igualment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publish anyway</source>
        <translation>Publica igualment</translation>
    </message>
</context>
<context>
    <name>PathInput</name>
    <message>
        <location filename="../../composer/ui/accounts_dialog.py" line="-457"/>
        <source>Browse…</source>
        <translation>Navega…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse for %1</source>
        <translation>Tria: %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../composer/ui/preferences_dialog.py" line="+14"/>
        <source>Preferences</source>
        <translation>Preferències</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface</source>
        <translation>Interfície</translation>
    </message>
</context>
<context>
    <name>PreviewTabs</name>
    <message>
        <location filename="../../composer/ui/previews.py" line="+43"/>
        <source>The update as a blog post</source>
        <translation>L&apos;actualització com a entrada de blog</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The email as plain text</source>
        <translation>El correu en text pla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The email as HTML</source>
        <translation>El correu en HTML</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plain text</source>
        <translation>Text pla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Correu</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1, from the template</source>
        <translation>%1, de la plantilla</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ⚠</source>
        <translation>%1 ⚠</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+23"/>
        <source>Counted as %1</source>
        <translation>Comptat com a %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>What %1 will post</source>
        <translation>Què publicarà %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Subject: %1</source>
        <translation>Assumpte: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Blog · %n words</source>
        <translation>
            <numerusform>Blog · %n paraula</numerusform>
            <numerusform>Blog · %n paraules</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Blog · 1 word</source>
        <translation>Blog · 1 paraula</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Email · %n characters</source>
        <translation>
            <numerusform>Correu · %n caràcter</numerusform>
            <numerusform>Correu · %n caràcters</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email · 1 character</source>
        <translation>Correu · 1 caràcter</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>post %1 of %2</source>
        <translation>publicació %1 de %2</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../composer/ui/profile_dialog.py" line="+59"/>
        <source>Organisation and people</source>
        <translation>Organització i persones</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>24/7, or 08:00–20:00 CET</source>
        <translation>24/7, o 08:00–20:00 CET</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This computer&apos;s time zone</source>
        <translation>La zona horària d&apos;aquest ordinador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organització</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contact page</source>
        <translation>Pàgina de &amp;contacte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>&amp;Telèfon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email</source>
        <translation>C&amp;orreu electrònic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status page</source>
        <translation>Pàgina d&apos;&amp;estat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Alternate contact page</source>
        <translation>Pàgina de contacte &amp;alternativa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A contact page hosted outside your own infrastructure: given when your website is down</source>
        <translation>Una pàgina de contacte allotjada fora de la vostra infraestructura: es dona quan el vostre lloc web no funciona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Backup email</source>
        <translation>Correu de &amp;reserva</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An address on another domain than your own: given when your email is down</source>
        <translation>Una adreça d&apos;un domini diferent del vostre: es dona quan el vostre correu no funciona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phone &amp;hours</source>
        <translation>&amp;Horari telefònic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the phone is answered, with the time zone</source>
        <translation>Quan s&apos;atén el telèfon, amb la zona horària</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Readers&apos; &amp;time zone</source>
        <translation>&amp;Zona horària dels lectors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times in updates are shown in it (empty: this computer&apos;s)</source>
        <translation>Les hores de les actualitzacions s&apos;hi mostren (buida: la d&apos;aquest ordinador)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Càrrec</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>Correu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Telèfon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add person</source>
        <translation>A&amp;fegeix una persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove person</source>
        <translation>Su&amp;primeix la persona</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>People who may sign updates</source>
        <translation>Persones que poden signar les actualitzacions</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Organisation and people — not saved</source>
        <translation>Organització i persones — no s&apos;ha desat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved</source>
        <translation>No s&apos;ha desat</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../composer/ui/publish_dialog.py" line="+139"/>
        <location line="+29"/>
        <source>Retry</source>
        <translation>Torna-ho a provar</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+330"/>
        <source>Send again</source>
        <translation>Torna a enviar</translation>
    </message>
    <message>
        <location line="-329"/>
        <location line="+316"/>
        <source>Mark as sent</source>
        <translation>Marca com a enviat</translation>
    </message>
    <message>
        <location line="-292"/>
        <source>Send now</source>
        <translation>Envia ara</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Publish</source>
        <translation>Publica</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — choose where this update goes, check what each will post, then publish.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — trieu on va aquesta actualització, reviseu què publicarà cada compte i publiqueu-la.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>Actualització</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estat</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No publisher for accounts of kind “%1”</source>
        <translation>No hi ha cap publicador per als comptes de tipus «%1»</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What will be posted</source>
        <translation>Què es publicarà</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Publish</source>
        <translation>&amp;Publica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop sending</source>
        <translation>&amp;Atura l&apos;enviament</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop what has not been sent yet; what went out stays out</source>
        <translation>Atura el que encara no s&apos;ha enviat; el que ja ha sortit, sortit està</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>What %1 will post</source>
        <translation>Què publicarà %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick one or more accounts to see what each will post.</source>
        <translation>Marqueu un o més comptes per a veure què publicarà cadascun.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing chosen</source>
        <translation>No s&apos;ha triat res</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This cannot be posted as it is: %1</source>
        <translation>Això no es pot publicar tal com és: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Queued</source>
        <translation>A la cua</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Sending</source>
        <translation>S&apos;està enviant</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Queued: will send when %1 is reachable</source>
        <translation>A la cua: s&apos;enviarà quan %1 sigui accessible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (next try %2)</source>
        <translation>%1 (proper intent: %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Being sent from the outbox now: File → Outbox… says how it went</source>
        <translation>S&apos;està enviant ara des de la safata de sortida: Fitxer → Safata de sortida… diu com ha anat</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Already sent earlier, not sent again</source>
        <translation>Ja s&apos;havia enviat abans; no s&apos;ha tornat a enviar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marked as sent: it will not be sent again</source>
        <translation>Marcada com a enviada: no es tornarà a enviar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the post</source>
        <translation>obre la publicació</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Queued: will send to %1 when it is reachable</source>
        <translation>A la cua: s&apos;enviarà a %1 quan sigui accessible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>and</source>
        <translation>i</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued: will send to %1 when they are reachable</source>
        <translation>A la cua: s&apos;enviarà a %1 quan siguin accessibles</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Only if you have checked that it went out: this email was tried at %2 on %3. It will never be sent again. Mark it as sent?</source>
        <translation>Només si heu comprovat que va sortir: aquest correu es va intentar enviar a les %2 per %3. No es tornarà a enviar mai. Voleu marcar-lo com a enviat?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only if you have checked that it went out: this post was tried at %2 on %3. It will never be sent again. Mark it as sent?</source>
        <translation>Només si heu comprovat que va sortir: aquesta publicació es va intentar a les %2 a %3. No es tornarà a enviar mai. Voleu marcar-la com a enviada?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This email may already have gone out at %2 on %3; if it did, people get it twice. Send it again?</source>
        <translation>Pot ser que aquest correu ja hagi sortit a les %2 per %3; si és així, la gent el rebrà dues vegades. Voleu tornar-lo a enviar?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This post may already have gone out at %2 on %3; if it did, people get it twice. Send it again?</source>
        <translation>Pot ser que aquesta publicació ja hagi sortit a les %2 a %3; si és així, la gent la rebrà dues vegades. Voleu tornar-la a enviar?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an unknown time</source>
        <translation>una hora desconeguda</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unexpected error (%1); nothing more is known. Try again, or report it.</source>
        <translation>Error inesperat (%1); no se&apos;n sap res més. Torneu-ho a provar o informeu-ne.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopped before sending; nothing was sent.</source>
        <translation>S&apos;ha aturat abans d&apos;enviar; no s&apos;ha enviat res.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopping…</source>
        <translation>S&apos;està aturant…</translation>
    </message>
</context>
<context>
    <name>PublishWorkflow</name>
    <message>
        <location filename="../../composer/ui/publish_workflow.py" line="+142"/>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+7"/>
        <source>Publish</source>
        <translation>Publica</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Save the update first: see the status bar.</source>
        <translation>Deseu primer l&apos;actualització: vegeu la barra d&apos;estat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not published: %1.</source>
        <translation>No s&apos;ha publicat: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no account to publish to yet. Add one in Edit → Accounts…</source>
        <translation>Encara no hi ha cap compte on publicar. Afegiu-ne un a Edita → Comptes…</translation>
    </message>
</context>
<context>
    <name>PublishedNotice</name>
    <message>
        <location filename="../../composer/ui/published_notice.py" line="+24"/>
        <source>This update has been published. Publishing it again sends a correction (its own email, a dated note on the blog, a reply on social networks).</source>
        <translation>Aquesta actualització ja s&apos;ha publicat. Si la torneu a publicar, s&apos;envia una correcció (un correu propi, una nota datada al blog, una resposta a les xarxes socials).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Tanca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this note for this update</source>
        <translation>Amaga aquesta nota per a aquesta actualització</translation>
    </message>
</context>
<context>
    <name>PublishingContext</name>
    <message>
        <location filename="../../composer/ui/publishing_context.py" line="+50"/>
        <source>Keyring</source>
        <translation>Anell de claus</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../composer/ui/review_dialog.py" line="+73"/>
        <source>Review updates</source>
        <translation>Revisa les actualitzacions</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updates waiting for a reviewer</source>
        <translation>Actualitzacions pendents de revisió</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The update, with the changes since the last review</source>
        <translation>L&apos;actualització, amb els canvis des de l&apos;última revisió</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What should change (needed to request changes)</source>
        <translation>Què cal canviar (necessari per a demanar canvis)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Comentari</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Approve</source>
        <translation>&amp;Aprova</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request &amp;changes</source>
        <translation>Demana &amp;canvis</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Comment:</source>
        <translation>Comentari:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing waits for a reviewer.</source>
        <translation>No hi ha res pendent de revisió.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>draft</source>
        <translation>esborrany</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>awaiting review</source>
        <translation>pendent de revisió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>aprovada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changes requested</source>
        <translation>canvis demanats</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Changes since %1&apos;s review: removed words struck through, new ones underlined.</source>
        <translation>Canvis des de la revisió de %1: les paraules suprimides, ratllades; les noves, subratllades.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 asked: %2</source>
        <translation>%1 ha demanat: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not reviewed before.</source>
        <translation>No s&apos;ha revisat abans.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every check passes.</source>
        <translation>Passen totes les comprovacions.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Approved.</source>
        <translation>Aprovada.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changes requested.</source>
        <translation>S&apos;han demanat canvis.</translation>
    </message>
</context>
<context>
    <name>RuleRow</name>
    <message>
        <location filename="../../composer/ui/checklist_panel.py" line="-132"/>
        <source>Fix</source>
        <translation>Corregeix</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: %2</source>
        <comment>a checklist row for a screen reader: the rule&apos;s title, then its verdict</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fix: %1</source>
        <translation>Corregeix: %1</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../composer/ui/search_dialog.py" line="+53"/>
        <source>Find in all updates</source>
        <translation>Cerca en totes les actualitzacions</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Words from any update, in any language: “correu retard”, “caída”</source>
        <translation>Paraules de qualsevol actualització, en qualsevol llengua: «correu retard», «caída»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find:</source>
        <translation>&amp;Cerca:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Matching updates</source>
        <translation>Actualitzacions que coincideixen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open</source>
        <translation>&amp;Obre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start from this update</source>
        <translation>&amp;Comença a partir d&apos;aquesta actualització</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this text into a new draft of the incident you are on</source>
        <translation>Copia aquest text en un esborrany nou de la incidència oberta</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No update matches every word.</source>
        <translation>Cap actualització no conté totes les paraules.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The newest %1 matches; add a word to narrow them.</source>
        <translation>Les %1 coincidències més noves; afegiu una paraula per a afinar-les.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 matching updates, newest first.</source>
        <translation>%1 actualitzacions coincidents, la més nova primer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>published %1</source>
        <translation>publicada %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>draft, %1</source>
        <translation>esborrany, %1</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <location filename="../../composer/ui/outreach_send.py" line="+117"/>
        <source> messages a minute</source>
        <translation> missatges per minut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evenly spaced, so the mail server does not turn the run away</source>
        <translation>Repartits uniformement, perquè el servidor de correu no rebutgi l&apos;enviament</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No account can send a personal message yet: add an email account in Edit → Accounts…, then open this window again.</source>
        <translation>Encara no hi ha cap compte que pugui enviar un missatge personal: afegiu un compte de correu a Edita → Comptes… i torneu a obrir aquesta finestra.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From the &amp;account:</source>
        <translation>Des del &amp;compte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At &amp;most:</source>
        <translation>Com a mà&amp;xim:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Send to every customer</source>
        <translation>&amp;Envia a tots els clients</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+86"/>
        <location line="+14"/>
        <location line="+68"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>S&amp;top</source>
        <translation>A&amp;tura</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Each customer gets their message once. Stopped, closed, crashed or cut off from the network: Send again, and whoever already got their message is skipped. A message that may or may not have gone out is never sent again on its own: it waits for you in File → Outbox….</source>
        <translation>Cada client rep el seu missatge una sola vegada. Si s&apos;atura, es tanca, falla o es queda sense xarxa: torneu a enviar, i se salta qui ja ha rebut el seu missatge. Un missatge que pot haver sortit o no mai es torna a enviar sol: us espera a Fitxer → Safata de sortida….</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Reach customers</source>
        <translation>Contacte amb els clients</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting…</source>
        <translation>S&apos;està començant…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Going on…</source>
        <translation>S&apos;està continuant…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprèn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused: a message being sent finishes, then nothing goes out until you resume.</source>
        <translation>En pausa: el missatge que s&apos;està enviant acaba, i després no surt res fins que ho reprengueu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopping after the message being sent…</source>
        <translation>S&apos;aturarà després del missatge que s&apos;està enviant…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>sent</source>
        <translation>enviat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already sent earlier</source>
        <translation>ja enviat abans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>ha fallat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not sent</source>
        <translation>no enviat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncertain (see File → Outbox…)</source>
        <translation>incert (vegeu Fitxer → Safata de sortida…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>without a message (a field missing)</source>
        <translation>sense missatge (falta un camp)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled in the outbox</source>
        <translation>cancel·lat a la safata de sortida</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing sent yet.</source>
        <translation>Encara no s&apos;ha enviat res.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopped before the end: Send again to go on; whoever got their message is skipped.</source>
        <translation>S&apos;ha aturat abans d&apos;acabar: torneu a enviar per a continuar; se salta qui ja ha rebut el seu missatge.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rows of the list left out (step 1): %1.</source>
        <translation>Files de la llista descartades (pas 1): %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The run stopped: %1. Send again to go on; whoever got their message is skipped.</source>
        <translation>L&apos;enviament s&apos;ha aturat: %1. Torneu a enviar per a continuar; se salta qui ja ha rebut el seu missatge.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../composer/ui/status_panel.py" line="+46"/>
        <source>Network: checking…</source>
        <translation>Xarxa: s&apos;està comprovant…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Needs your attention</source>
        <translation>Requereix la vostra atenció</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Saved %1</source>
        <translation>Desat a les %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Started %1 ago</source>
        <translation>Va començar fa %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starts in %1</source>
        <translation>Comença d&apos;aquí a %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Closed</source>
        <translation>Tancada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing published yet</source>
        <translation>Encara no s&apos;ha publicat res</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last update promised no next update</source>
        <translation>L&apos;última actualització no prometia cap altra actualització</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next update due in %1</source>
        <translation>Propera actualització d&apos;aquí a %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next update overdue by %1</source>
        <translation>Propera actualització endarrerida %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Online</source>
        <translation>En línia</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Network: local only</source>
        <translation>Xarxa: només local</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Offline</source>
        <translation>Sense connexió</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Network: unknown</source>
        <translation>Xarxa: desconeguda</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Network: interface up</source>
        <translation>Xarxa: interfície activa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No reachability service on this system; this only tells whether a network interface is up.</source>
        <translation>Aquest sistema no té servei d&apos;accessibilitat de la xarxa; això només indica si hi ha una interfície de xarxa activa.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Online, but no account&apos;s server answers</source>
        <translation>En línia, però no respon cap servidor dels comptes</translation>
    </message>
</context>
<context>
    <name>StoreWatch</name>
    <message>
        <location filename="../../composer/ui/store_watch.py" line="+183"/>
        <source>Checklist settings</source>
        <translation>Configuració de la llista de comprovació</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — using the default settings.</source>
        <translation>%1 — s&apos;utilitza la configuració per defecte.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../composer/ui/template_dialog.py" line="+31"/>
        <source>Investigating</source>
        <translation>En investigació</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identified</source>
        <translation>Identificada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitoring</source>
        <translation>En seguiment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>Resolta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance scheduled</source>
        <translation>Manteniment programat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance in progress</source>
        <translation>Manteniment en curs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance completed</source>
        <translation>Manteniment completat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postmortem summary</source>
        <translation>Resum de l&apos;anàlisi posterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal apology (one customer)</source>
        <translation>Disculpa personal (un client)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternate contact page</source>
        <translation>Pàgina de contacte alternativa</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>New update from a template</source>
        <translation>Actualització nova a partir d&apos;una plantilla</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>Llengua</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Use this update</source>
        <translation>Utilitza aquesta actualització</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Preview: %1</source>
        <translation>Previsualització: %1</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../composer/ui/template_editor.py" line="+57"/>
        <location line="+7"/>
        <location line="+140"/>
        <source>Templates</source>
        <translation>Plantilles</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>&amp;New</source>
        <translation>&amp;Nova</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Desa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;lete</source>
        <translation>&amp;Suprimeix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporta…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Rendered with its example values:</source>
        <translation>Generada amb els seus valors d&apos;exemple:</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The template&apos;s text</source>
        <translation>El text de la plantilla</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>built-in</source>
        <translation>integrada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yours</source>
        <translation>vostra</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No problems found.</source>
        <translation>No s&apos;ha trobat cap problema.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Delete template</source>
        <translation>Suprimeix la plantilla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete %1?</source>
        <translation>Voleu suprimir %1?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a template</source>
        <translation>Importa una plantilla</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the template</source>
        <translation>Exporta la plantilla</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export</source>
        <translation>Exporta</translation>
    </message>
</context>
<context>
    <name>TemplateWorkflow</name>
    <message>
        <location filename="../../composer/ui/template_workflow.py" line="+146"/>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the alternate contact page</source>
        <translation>Desa la pàgina de contacte alternativa</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save page</source>
        <translation>Desa la pàgina</translation>
    </message>
</context>
<context>
    <name>TrackingPage</name>
    <message>
        <location filename="../../composer/ui/outreach_table.py" line="+28"/>
        <source>Only the call list: who must be phoned</source>
        <translation>Només la llista de trucades: a qui cal trucar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Customers and whether they were reached</source>
        <translation>Clients i si s&apos;hi ha contactat</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Mark &amp;replied</source>
        <translation>Marca com a &amp;respost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected customers answered</source>
        <translation>Els clients seleccionats han respost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs a &amp;call…</source>
        <translation>Cal &amp;trucar-hi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected customers must be phoned</source>
        <translation>Cal trucar als clients seleccionats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear marks</source>
        <translation>&amp;Esborra les marques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;number</source>
        <translation>Copia el &amp;número</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export CSV…</source>
        <translation>E&amp;xporta a CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>Act&amp;ualitza</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No customer has been written to for this incident yet.</source>
        <translation>Encara no s&apos;ha escrit a cap client per aquesta incidència.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customers: %1 — %2.</source>
        <translation>Clients: %1 — %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To phone: %1 (tick the call list).</source>
        <translation>Per trucar: %1 (marqueu la llista de trucades).</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n contacted</source>
        <translation>
            <numerusform>%n contactat</numerusform>
            <numerusform>%n contactats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n ha fallat</numerusform>
            <numerusform>%n han fallat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n uncertain (see the outbox)</source>
        <translation>
            <numerusform>%n incert (vegeu la safata de sortida)</numerusform>
            <numerusform>%n incerts (vegeu la safata de sortida)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n replied</source>
        <translation>
            <numerusform>%n ha respost</numerusform>
            <numerusform>%n han respost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n to phone</source>
        <translation>
            <numerusform>%n per trucar</numerusform>
            <numerusform>%n per trucar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n not sent yet</source>
        <translation>
            <numerusform>%n encara no enviat</numerusform>
            <numerusform>%n encara no enviats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n being sent</source>
        <translation>
            <numerusform>%n s&apos;està enviant</numerusform>
            <numerusform>%n s&apos;estan enviant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancel·lat</numerusform>
            <numerusform>%n cancel·lats</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Needs a call</source>
        <translation>Cal trucar-hi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why the call (optional):</source>
        <translation>Motiu de la trucada (opcional):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Who was reached</source>
        <translation>A qui s&apos;ha contactat</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copied %1 (%2) to the clipboard.</source>
        <translation>S&apos;ha copiat %1 (%2) al porta-retalls.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export who was reached</source>
        <translation>Exporta a qui s&apos;ha contactat</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export</source>
        <translation>Exporta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write %1: %2</source>
        <translation>No s&apos;ha pogut escriure %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrote %1 (customers: %2).</source>
        <translation>S&apos;ha escrit %1 (clients: %2).</translation>
    </message>
</context>
<context>
    <name>UpdateEditor</name>
    <message>
        <location filename="../../composer/ui/update_editor.py" line="+59"/>
        <source>Write the update in Markdown. Say what customers cannot do, own it, say when the next update comes, sign with your name and give a way to reach you.</source>
        <translation>Escriviu l&apos;actualització en Markdown. Digueu què no poden fer els clients, assumiu-ne la responsabilitat, digueu quan arribarà la propera actualització, signeu amb el vostre nom i doneu una manera de contactar-vos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Update text</source>
        <translation>Text de l&apos;actualització</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Where the incident stands in this update</source>
        <translation>En quin punt és la incidència en aquesta actualització</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The person who signs this update: a name, not a team</source>
        <translation>La persona que signa aquesta actualització: un nom, no un equip</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name, role</source>
        <translation>El vostre nom, càrrec</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Next update by</source>
        <translation>Propera actualització abans de</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In 30 min</source>
        <translation>D&apos;aquí a 30 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promise the next update 30 minutes from now</source>
        <translation>Promet la propera actualització d&apos;aquí a 30 minuts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>Estat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by</source>
        <translation>Signat per</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Llengua</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../composer/ui/vocabulary.py" line="+21"/>
        <source>Investigating</source>
        <translation>En investigació</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identified</source>
        <translation>Identificada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitoring</source>
        <translation>En seguiment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>Resolta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled</source>
        <translation>Programat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>En curs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postmortem</source>
        <translation>Anàlisi posterior</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major</source>
        <translation>Greu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minor</source>
        <translation>Lleu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>Manteniment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>passes</source>
        <translation>se supera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to look at</source>
        <translation>per revisar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fails</source>
        <translation>falla</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../composer/ui/window_actions.py" line="+33"/>
        <source>&amp;New incident…</source>
        <translation>I&amp;ncidència nova…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a new incident with its first update</source>
        <translation>Comença una incidència nova amb la seva primera actualització</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New &amp;update</source>
        <translation>&amp;Actualització nova</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the next update to this incident</source>
        <translation>Afegeix la següent actualització a aquesta incidència</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importa…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import an update from Markdown with front matter</source>
        <translation>Importa una actualització d&apos;un fitxer Markdown amb capçalera (front matter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporta…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export this update as Markdown with front matter</source>
        <translation>Exporta aquesta actualització com a Markdown amb capçalera (front matter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save now</source>
        <translation>&amp;Desa ara</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Everything is saved as you type; this saves at once</source>
        <translation>Tot es desa mentre escriviu; això ho desa immediatament</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>Su&amp;rt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New update from &amp;template…</source>
        <translation>Actualització nova a partir d&apos;una &amp;plantilla…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A ready update for this stage, in every channel</source>
        <translation>Una actualització feta per a aquesta fase, en tots els canals</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Publish…</source>
        <translation>P&amp;ublica…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send this update to your accounts (checks first)</source>
        <translation>Envia aquesta actualització als vostres comptes (primer es comprova)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reach customers…</source>
        <translation>&amp;Contacta amb els clients…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A personal message to every affected customer of this incident, and who was reached</source>
        <translation>Un missatge personal a cada client afectat per aquesta incidència, i a qui s&apos;ha contactat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark as publis&amp;hed…</source>
        <translation>&amp;Marca com a publicada…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record that this update went out by other means (checks first)</source>
        <translation>Registra que aquesta actualització ha sortit per altres mitjans (primer es comprova)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Outbox…</source>
        <translation>&amp;Safata de sortida…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What waits to be sent, what was sent, and what needs you</source>
        <translation>El que espera per enviar-se, el que s&apos;ha enviat i el que us necessita</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export for &amp;manual sending…</source>
        <translation>Exporta per a l&apos;en&amp;viament manual…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write this update into a folder, ready to send by hand from another device</source>
        <translation>Escriu aquesta actualització en una carpeta, a punt per a enviar-la a mà des d&apos;un altre dispositiu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy for</source>
        <translation>C&amp;opia per a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put on the clipboard what a channel would post, to post it by hand</source>
        <translation>Posa al porta-retalls el que publicaria un canal, per a publicar-ho a mà</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Accounts…</source>
        <translation>Co&amp;mptes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where updates are published, and where their secrets are kept</source>
        <translation>On es publiquen les actualitzacions, i on es guarden els seus secrets</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revision &amp;history…</source>
        <translation>&amp;Historial de revisions…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>See and restore earlier texts of this update</source>
        <translation>Mostra i restaura textos anteriors d&apos;aquesta actualització</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Review updates…</source>
        <translation>&amp;Revisa les actualitzacions…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updates that wait for a second person&apos;s approval, in a team&apos;s workspace</source>
        <translation>Actualitzacions que esperen l&apos;aprovació d&apos;una segona persona, en un espai de treball d&apos;equip</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Templates…</source>
        <translation>&amp;Plantilles…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your own templates beside the built-ins</source>
        <translation>Les vostres plantilles al costat de les integrades</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Organisation and people…</source>
        <translation>&amp;Organització i persones…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact details and the people who may sign updates</source>
        <translation>Dades de contacte i les persones que poden signar les actualitzacions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find in all updates…</source>
        <translation>&amp;Cerca en totes les actualitzacions…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every update ever written that holds these words; start a new one from it</source>
        <translation>Totes les actualitzacions escrites que contenen aquestes paraules; comenceu-ne una de nova a partir d&apos;una</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>Pr&amp;eferències…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The interface language, on this computer</source>
        <translation>La llengua de la interfície, en aquest ordinador</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Filter incidents</source>
        <translation>&amp;Filtra les incidències</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>&amp;Torna a carregar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show incidents imported from the command line</source>
        <translation>Mostra les incidències importades des de la línia d&apos;ordres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to &amp;incidents</source>
        <translation>Ves a les &amp;incidències</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;editor</source>
        <translation>Ves a l&apos;&amp;editor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;previews</source>
        <translation>Ves a les &amp;previsualitzacions</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <location filename="../../composer/ui/window_commands.py" line="+52"/>
        <location line="+11"/>
        <source>New incident</source>
        <translation>Incidència nova</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+18"/>
        <source>New update</source>
        <translation>Actualització nova</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Open the incident the new update is for first.</source>
        <translation>Obriu primer la incidència de la qual és l&apos;actualització nova.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Import an update</source>
        <translation>Importa una actualització</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not import %1: %2</source>
        <translation>No s&apos;ha pogut importar %1: %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Revision history</source>
        <translation>Historial de revisions</translation>
    </message>
</context>
<context>
    <name>WorkspaceBanner</name>
    <message>
        <location filename="../../composer/ui/workspace_banner.py" line="+30"/>
        <source>Resolve…</source>
        <translation>Resol…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See both versions and choose the one to keep</source>
        <translation>Mostra les dues versions per a triar la que es conserva</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review…</source>
        <translation>Revisa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the updates that wait for a second person, and approve them</source>
        <translation>Llegiu les actualitzacions que esperen una segona persona i aproveu-les</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit anyway</source>
        <translation>Edita igualment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit this update although someone else is editing it</source>
        <translation>Edita aquesta actualització encara que algú altre l&apos;editi</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Workspace unreachable: drafting goes on here; %n changes will be sent when it answers.</source>
        <translation>
            <numerusform>L&apos;espai de treball és inabastable: la redacció continua aquí; s&apos;enviarà %n canvi quan respongui.</numerusform>
            <numerusform>L&apos;espai de treball és inabastable: la redacció continua aquí; s&apos;enviaran %n canvis quan respongui.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workspace unreachable: drafting goes on here; 1 change will be sent when it answers.</source>
        <translation>L&apos;espai de treball és inabastable: la redacció continua aquí; s&apos;enviarà 1 canvi quan respongui.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Workspace unreachable: drafting goes on here.</source>
        <translation>L&apos;espai de treball és inabastable: la redacció continua aquí.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is editing this update.</source>
        <translation>%1 està editant aquesta actualització.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n changes conflict: two people changed the same thing. Both versions are kept.</source>
        <translation>
            <numerusform>%n canvi en conflicte: dues persones han canviat el mateix. Es conserven les dues versions.</numerusform>
            <numerusform>%n canvis en conflicte: dues persones han canviat el mateix. Es conserven les dues versions.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 change conflicts: two people changed the same thing. Both versions are kept.</source>
        <translation>1 canvi en conflicte: dues persones han canviat el mateix. Es conserven les dues versions.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n changes were refused by the workspace (your role does not allow them).</source>
        <translation>
            <numerusform>L&apos;espai de treball ha rebutjat %n canvi (el vostre rol no ho permet).</numerusform>
            <numerusform>L&apos;espai de treball ha rebutjat %n canvis (el vostre rol no ho permet).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 change was refused by the workspace (your role does not allow it).</source>
        <translation>L&apos;espai de treball ha rebutjat 1 canvi (el vostre rol no ho permet).</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n updates wait for a reviewer.</source>
        <translation>
            <numerusform>%n actualització espera un revisor.</numerusform>
            <numerusform>%n actualitzacions esperen un revisor.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 update waits for a reviewer.</source>
        <translation>1 actualització espera un revisor.</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <location filename="../../composer/ui/workspace_page.py" line="+42"/>
        <source>Workspace address</source>
        <translation>Adreça de l&apos;espai de treball</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password</source>
        <translation>Contrasenya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join</source>
        <translation>&amp;Uneix-t&apos;hi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Leave the workspace</source>
        <translation>&amp;Surt de l&apos;espai de treball</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adreça:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contrasenya:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This data folder is in the workspace %1 as %2.</source>
        <translation>Aquesta carpeta de dades és a l&apos;espai de treball %1 com a %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It cannot be reached now: drafting goes on here.</source>
        <translation>Ara és inabastable: la redacció continua aquí.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting to be sent: %1. Conflicts: %2.</source>
        <translation>Pendent d&apos;enviar: %1. Conflictes: %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not in a workspace: this data folder is only here. Join a team&apos;s workspace (a PostgreSQL database) to share incidents, the roster and approvals.</source>
        <translation>No és en cap espai de treball: aquesta carpeta de dades només és aquí. Uniu-vos a l&apos;espai de treball d&apos;un equip (una base de dades PostgreSQL) per compartir les incidències, les persones que poden signar i les aprovacions.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>draft</source>
        <translation>redactar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>review and approve</source>
        <translation>revisar i aprovar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administer</source>
        <translation>administrar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing (no role was granted)</source>
        <translation>res (no s&apos;ha concedit cap rol)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You may: %1.</source>
        <translation>Podeu: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you may do will show when the workspace answers.</source>
        <translation>Què podeu fer es mostrarà quan l&apos;espai de treball respongui.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is nowhere to keep the password (no keyring): not joined.</source>
        <translation>No hi ha on desar la contrasenya (no hi ha anell de claus): no us hi heu unit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Joining…</source>
        <translation>S&apos;està unint…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Joined. The first sync runs now.</source>
        <translation>Us hi heu unit. Ara es fa la primera sincronització.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not joined: %1</source>
        <translation>No us hi heu unit: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 changes made here have not reached the workspace and would not reach the team. Leave anyway?</source>
        <translation>%1 canvis fets aquí no han arribat a l&apos;espai de treball i no arribarien a l&apos;equip. Voleu sortir-ne igualment?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave the workspace? This data folder keeps its incidents; the team&apos;s changes stop arriving.</source>
        <translation>Voleu sortir de l&apos;espai de treball? Aquesta carpeta de dades conserva les incidències; els canvis de l&apos;equip deixen d&apos;arribar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the workspace</source>
        <translation>Surt de l&apos;espai de treball</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left the workspace.</source>
        <translation>Heu sortit de l&apos;espai de treball.</translation>
    </message>
</context>
<context>
    <name>WorkspaceWorkflow</name>
    <message>
        <location filename="../../composer/ui/workspace_workflow.py" line="+174"/>
        <source>%1 is editing this update now. If you both change it, both versions are kept and one of you resolves the conflict. Edit it anyway?</source>
        <translation>%1 està editant aquesta actualització ara. Si tots dos la canvieu, es conservaran les dues versions i un de vosaltres haurà de resoldre el conflicte. Voleu editar-la igualment?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit anyway</source>
        <translation>Edita igualment</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Review updates</source>
        <translation>Revisa les actualitzacions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews happen in a team&apos;s workspace: join one in Edit → Preferences → Workspace.</source>
        <translation>Les revisions es fan en un espai de treball d&apos;equip: uniu-vos-hi a Edita → Preferències → Espai de treball.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Two people changed the same thing at the same time.

Shown now (%1):
%2

The other version (%3):
%4

Keep the version shown? (No keeps the other one.)</source>
        <translation>Dues persones han canviat el mateix alhora.

Es mostra ara (%1):
%2

L&apos;altra versió (%3):
%4

Voleu conservar la versió que es mostra? (No conserva l&apos;altra.)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Resolve a conflict</source>
        <translation>Resol un conflicte</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../composer/ui/preferences_dialog.py" line="+26"/>
        <source>Workspace</source>
        <translation>Espai de treball</translation>
    </message>
</context>
</TS>
