<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccountEditor</name>
    <message>
        <location filename="../../composer/ui/accounts_dialog.py" line="+156"/>
        <source>Edit account</source>
        <translation>Editar la cuenta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add an account</source>
        <translation>Añadir una cuenta</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — unavailable</source>
        <translation>%1 — no disponible</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A name you recognise, e.g. “status mail”</source>
        <translation>Un nombre reconocible, p. ej. «correo de estado»</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar la conexión</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name *</source>
        <translation>Nombre *</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>* required. Passwords and tokens are kept %1.</source>
        <translation>* obligatorio. Las contraseñas y los tokens se guardan %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>nowhere yet: there is no keyring (you will be asked about this session)</source>
        <translation>en ningún sitio aún: no hay depósito de claves (se preguntará por esta sesión)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Leave blank to keep the stored one</source>
        <translation>Dejar en blanco para mantener el guardado</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose a kind of account that is available.</source>
        <translation>Elija un tipo de cuenta que esté disponible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the account a name.</source>
        <translation>Falta el nombre de la cuenta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already an account named “%1”.</source>
        <translation>Ya hay una cuenta llamada «%1».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test the connection first: it shows the server&apos;s host key for you to confirm.</source>
        <translation>Primero hay que probar la conexión: muestra la clave del servidor para confirmarla.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The password could not be kept: the keyring is not available. Nothing was saved.</source>
        <translation>No se pudo guardar la contraseña: el depósito de claves no está disponible. No se guardó nada.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Testing %1…</source>
        <translation>Probando %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The server at %1 shows a %2 host key with the fingerprint

%3

Is this the fingerprint your host gave you? Only then trust it: a server showing another key later is refused.</source>
        <translation>El servidor de %1 muestra una clave %2 con la huella

%3

¿Es la huella que le dio su proveedor? Solo entonces debe confiar en ella: si más adelante el servidor muestra otra clave, se rechazará.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trust this server?</source>
        <translation>¿Confiar en este servidor?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host key not trusted: nothing is uploaded to this server.</source>
        <translation>Clave del servidor no aceptada: no se sube nada a este servidor.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location line="-285"/>
        <source>Unexpected error (%1).</source>
        <translation>Error inesperado (%1).</translation>
    </message>
    <message>
        <location line="+307"/>
        <location line="+10"/>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Keep secrets for this session only…</source>
        <translation>Guardar los secretos solo en esta sesión…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server or handle</source>
        <translation>Servidor o identificador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Secret</source>
        <translation>Secreto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar la conexión</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Passwords and tokens are kept &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Las contraseñas y los tokens se guardan &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keyring is locked. Unlock it, then reopen this window.</source>
        <translation>El depósito de claves está bloqueado. Desbloquéelo y vuelva a abrir esta ventana.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (unavailable)</source>
        <translation>%1 (no disponible)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>none needed</source>
        <translation>no hace falta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not stored</source>
        <translation>no guardado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keyring unavailable</source>
        <translation>depósito de claves no disponible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none stored</source>
        <translation>ninguno guardado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the keyring</source>
        <translation>en el depósito de claves</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>session only</source>
        <translation>solo la sesión</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+7"/>
        <source>Remove account</source>
        <translation>Quitar la cuenta</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Remove the account “%1”? Its password or token is forgotten too.</source>
        <translation>¿Quitar la cuenta «%1»? También se olvidará su contraseña o token.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This kind of account cannot be used: %1</source>
        <translation>Este tipo de cuenta no se puede usar: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Testing %1…</source>
        <translation>Probando %1…</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../composer/ui/checklist_panel.py" line="+165"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>1 check fails, %1 to look at: publishing needs a reason</source>
        <translation>Falla 1 comprobación, %1 por revisar: publicar requiere un motivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 check fails: publishing needs a reason</source>
        <translation>Falla 1 comprobación: publicar requiere un motivo</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n checks fail, %1 to look at: publishing needs a reason</source>
        <translation>
            <numerusform>Falla %n comprobación, %1 por revisar: publicar requiere un motivo</numerusform>
            <numerusform>Fallan %n comprobaciones, %1 por revisar: publicar requiere un motivo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n checks fail: publishing needs a reason</source>
        <translation>
            <numerusform>Falla %n comprobación: publicar requiere un motivo</numerusform>
            <numerusform>Fallan %n comprobaciones: publicar requiere un motivo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No check fails; %n to look at</source>
        <translation>
            <numerusform>No falla ninguna comprobación; %n por revisar</numerusform>
            <numerusform>No falla ninguna comprobación; %n por revisar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All checks pass</source>
        <translation>Se superan todas las comprobaciones</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../composer/ui/outreach_table.py" line="+48"/>
        <source>Contacted</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uncertain: check in the outbox</source>
        <translation>Incierto: comprobarlo en la bandeja de salida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied</source>
        <translation>Respondió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs a call</source>
        <translation>Hay que llamar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent yet</source>
        <translation>Aún no enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being sent</source>
        <translation>Enviándose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked by</source>
        <translation>Marcado por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Click to copy the number</source>
        <translation>Clic para copiar el número</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replied (marked by %1 at %2)</source>
        <translation>Respondió (lo marcó %1 a las %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Needs a call (marked by %1 at %2)</source>
        <translation>Hay que llamar (lo marcó %1 a las %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sent by %1</source>
        <translation>Enviado por %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outbox job %1: File → Outbox… to decide</source>
        <translation>Tarea %1 de la bandeja de salida: decidir en Archivo → Bandeja de salida…</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../composer/ui/empty_state.py" line="+57"/>
        <source>No incident yet</source>
        <translation>Aún no hay ningún incidente</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When customers notice something wrong, start an incident here. You write its updates in this window; the checklist reads them as you type, and they go out to your channels.</source>
        <translation>Cuando los clientes noten que algo falla, empiece aquí un incidente. Sus actualizaciones se escriben en esta ventana; la lista de comprobación las lee mientras se escribe, y salen por sus canales.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Written elsewhere? Import an update from its Markdown file.</source>
        <translation>¿Escrito en otro sitio? Importe una actualización desde su archivo Markdown.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New here? Fill in your organisation and the people who sign updates first.</source>
        <translation>¿Primera vez? Complete antes su organización y las personas que firman las actualizaciones.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Start an incident</source>
        <translation>Empezar un incidente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a file…</source>
        <translation>Importar un archivo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation and people…</source>
        <translation>Organización y personas…</translation>
    </message>
</context>
<context>
    <name>FileExport</name>
    <message>
        <location filename="../../composer/ui/file_export.py" line="+31"/>
        <source>Export this update</source>
        <translation>Exportar esta actualización</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported to %1</source>
        <translation>Exportado a %1</translation>
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
        <translation>publicada pese a las comprobaciones que fallan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported as published</source>
        <translation>importada como publicada</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Revision history</source>
        <translation>Historial de revisiones</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revisions</source>
        <translation>Revisiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The revision&apos;s text</source>
        <translation>Texto de la revisión</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · %2 words</source>
        <translation>%1 · %2 palabras</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · by %2 · %3 words</source>
        <translation>%1 · de %2 · %3 palabras</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A version from the team&apos;s workspace</source>
        <translation>Una versión del espacio de trabajo del equipo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore this revision</source>
        <translation>&amp;Restaurar esta revisión</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What happened to this update</source>
        <translation>Qué pasó con esta actualización</translation>
    </message>
</context>
<context>
    <name>IncidentFilter</name>
    <message>
        <location filename="../../composer/ui/incident_filter.py" line="+29"/>
        <source>Filter by title or service</source>
        <translation>Filtrar por título o servicio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter incidents</source>
        <translation>Filtrar incidentes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Cerrados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any time</source>
        <translation>Cualquier momento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../composer/ui/incident_form.py" line="+40"/>
        <source>What customers notice, e.g. “Email delivery delayed”</source>
        <translation>Lo que notan los clientes, p. ej. «Retraso en la entrega del correo»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Affected services, comma separated</source>
        <translation>Servicios afectados, separados por comas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Region or site</source>
        <translation>Región o sede</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What customers cannot do</source>
        <translation>Lo que los clientes no pueden hacer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What they can do meanwhile</source>
        <translation>Lo que pueden hacer mientras tanto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Our own web&amp;site is down</source>
        <translation>Nuestro sitio &amp;web no funciona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updates then give the alternate contact page, not our own</source>
        <translation>Las actualizaciones dan entonces la página de contacto alternativa, no la nuestra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our own e&amp;mail is down</source>
        <translation>Nuestro c&amp;orreo no funciona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updates then give the backup email, not our own address</source>
        <translation>Las actualizaciones dan entonces el correo de reserva, no nuestra dirección</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Se&amp;verity</source>
        <translation>&amp;Gravedad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ser&amp;vices</source>
        <translation>Ser&amp;vicios</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Impact</source>
        <translation>&amp;Impacto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Re&amp;gion</source>
        <translation>&amp;Región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Workaround</source>
        <translation>&amp;Solución provisional</translation>
    </message>
</context>
<context>
    <name>IncidentList</name>
    <message>
        <location filename="../../composer/ui/incident_list.py" line="+60"/>
        <source>January %1</source>
        <translation>Enero de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>February %1</source>
        <translation>Febrero de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>March %1</source>
        <translation>Marzo de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>April %1</source>
        <translation>Abril de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May %1</source>
        <translation>Mayo de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>June %1</source>
        <translation>Junio de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>July %1</source>
        <translation>Julio de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>August %1</source>
        <translation>Agosto de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>September %1</source>
        <translation>Septiembre de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>October %1</source>
        <translation>Octubre de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>November %1</source>
        <translation>Noviembre de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>December %1</source>
        <translation>Diciembre de %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>1 incident</source>
        <translation>1 incidente</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n incidents</source>
        <translation>
            <numerusform>%n incidente</numerusform>
            <numerusform>%n incidentes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 closed</source>
        <translation>1 cerrado</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n closed</source>
        <translation>
            <numerusform>%n cerrado</numerusform>
            <numerusform>%n cerrados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Untitled incident</source>
        <translation>Incidente sin título</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>⚠ Update overdue</source>
        <translation>⚠ Actualización con retraso</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The promised next update is overdue</source>
        <translation>La próxima actualización prometida lleva retraso</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Incidents</source>
        <translation>&amp;Incidentes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>U&amp;pdates</source>
        <translation>&amp;Actualizaciones</translation>
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
        <translation>El idioma del sistema (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Interface &amp;language:</source>
        <translation>&amp;Idioma de la interfaz:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The new language applies the next time Incident Composer starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie Incident Composer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Menus, buttons and messages; each update keeps its own language.</source>
        <translation>Menús, botones y mensajes; cada actualización mantiene su propio idioma.</translation>
    </message>
</context>
<context>
    <name>LiveChecks</name>
    <message>
        <location filename="../../composer/ui/live_checks.py" line="+50"/>
        <source>No update selected</source>
        <translation>No hay ninguna actualización seleccionada</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../composer/ui/main_window.py" line="+65"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Checklist</source>
        <translation>Lista de comprobación</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Contact page saved to %1</source>
        <translation>Página de contacto guardada en %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Published</source>
        <translation>Publicada</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Database recovered</source>
        <translation>Base de datos recuperada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your data</source>
        <translation>Sus datos</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The next update for “%1” is due at %2.</source>
        <translation>La próxima actualización de «%1» está prevista a las %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next update due soon</source>
        <translation>Próxima actualización en breve</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+8"/>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Save the update first: see the status bar.</source>
        <translation>Primero hay que guardar la actualización: ver la barra de estado.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recorded as published</source>
        <translation>Registrada como publicada</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Unsaved text</source>
        <translation>Texto sin guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last changes could not be saved (see the status bar). Stay open so you can export them?</source>
        <translation>No se pudieron guardar los últimos cambios (ver la barra de estado). ¿Mantener la aplicación abierta para poder exportarlos?</translation>
    </message>
</context>
<context>
    <name>ManualSending</name>
    <message>
        <location filename="../../composer/ui/manual_sending.py" line="+132"/>
        <source>Save the update first: see the status bar.</source>
        <translation>Primero hay que guardar la actualización: ver la barra de estado.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export for manual sending</source>
        <translation>Exportar para envío manual</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a folder for the update to send by hand</source>
        <translation>Elija una carpeta para la actualización que se enviará a mano</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Written for sending by hand to %1 (README.txt there says what each file is)</source>
        <translation>Escrito para enviar a mano en %1 (el README.txt de allí explica qué es cada archivo)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copy for %1</source>
        <translation>Copiar para %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Copied what %1 would post: paste it there</source>
        <translation>Copiado lo que publicaría %1: péguelo allí</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Put on the clipboard what %1 would post</source>
        <translation>Poner en el portapapeles lo que publicaría %1</translation>
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
        <translation>&amp;Firmado por:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A customer whose language the list gives (ca, es, en) gets this template in their language when it exists; the others get it as chosen.</source>
        <translation>Un cliente cuyo idioma da la lista (ca, es, en) recibe esta plantilla en su idioma si existe; los demás la reciben tal como se eligió.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Columns of the list for the template&apos;s fields</source>
        <translation>Columnas de la lista para los campos de la plantilla</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Preview: the first customers&apos; messages</source>
        <translation>Vista previa: los mensajes de los primeros clientes</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(nobody yet: Edit → Organisation and people…)</source>
        <translation>(nadie aún: Editar → Organización y personas…)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column of the list</source>
        <translation>Columna de la lista</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Or for everyone (when the cell is empty)</source>
        <translation>O para todos (si la celda está vacía)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Column for %1</source>
        <translation>Columna para %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no column)</source>
        <translation>(ninguna columna)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 for everyone</source>
        <translation>%1 para todos</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Already known: %1</source>
        <translation>Ya se sabe: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed: a column or a value</source>
        <translation>Hace falta: una columna o un valor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The values typed for everyone go into every message as typed, whatever its language (this list has %1): map a column the list fills in each customer&apos;s language instead, or check them in the preview.</source>
        <translation>Los valores escritos para todos van en cada mensaje tal cual, sea cual sea su idioma (esta lista tiene %1): asigne una columna que la lista rellene en el idioma de cada cliente, o revíselos en la vista previa.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not used by this template (ignored): %1</source>
        <translation>No los usa esta plantilla (se ignoran): %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No message for %1 of %2 customers (a field they need has no value):</source>
        <translation>No hay mensaje para %1 de %2 clientes (un campo que necesitan no tiene valor):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every customer of the list gets a message.</source>
        <translation>Todos los clientes de la lista reciben un mensaje.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No customer yet.</source>
        <translation>Aún no hay ningún cliente.</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <location filename="../../composer/ui/new_incident_dialog.py" line="+73"/>
        <source>New incident</source>
        <translation>Nuevo incidente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. “Email delivery delayed”</source>
        <translation>p. ej. «Retraso en la entrega del correo»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your local time (%1)</source>
        <translation>Su hora local (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Our own web&amp;site is down</source>
        <translation>Nuestro sitio &amp;web no funciona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updates then give the alternate contact page, not our own</source>
        <translation>Las actualizaciones dan entonces la página de contacto alternativa, no la nuestra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our own e&amp;mail is down</source>
        <translation>Nuestro c&amp;orreo no funciona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updates then give the backup email, not our own address</source>
        <translation>Las actualizaciones dan entonces el correo de reserva, no nuestra dirección</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What are customers &amp;noticing?</source>
        <translation>¿Qué &amp;notan los clientes?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;When did customers first notice?</source>
        <translation>¿&amp;Cuándo lo notaron los clientes por primera vez?</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>That is in the future: give the time customers first noticed.</source>
        <translation>Eso está en el futuro: indique cuándo lo notaron los clientes por primera vez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is more than %1 days ago: is the date right?</source>
        <translation>Hace más de %1 días: ¿es correcta la fecha?</translation>
    </message>
</context>
<context>
    <name>OutboxBanner</name>
    <message>
        <location filename="../../composer/ui/outbox_banner.py" line="+33"/>
        <source>Outbox…</source>
        <translation>Bandeja de salida…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What waits to be sent, what was sent, and what needs you</source>
        <translation>Lo que espera para enviarse, lo que se envió y lo que requiere su atención</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Offline: %n updates waiting</source>
        <translation>
            <numerusform>Sin conexión: %n actualización en espera</numerusform>
            <numerusform>Sin conexión: %n actualizaciones en espera</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: 1 update waiting</source>
        <translation>Sin conexión: 1 actualización en espera</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n updates waiting to be sent</source>
        <translation>
            <numerusform>%n actualización esperando para enviarse</numerusform>
            <numerusform>%n actualizaciones esperando para enviarse</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 update waiting to be sent</source>
        <translation>1 actualización esperando para enviarse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (next try %2)</source>
        <translation>%1 (próximo intento: %2)</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../composer/ui/outbox_dialog.py" line="+202"/>
        <location line="+121"/>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Everything the app was asked to send, newest first. Waiting posts go out on their own when their server answers; failed and uncertain ones need you.</source>
        <translation>Todo lo que se pidió enviar a la aplicación, lo más reciente primero. Las publicaciones en espera salen solas cuando su servidor responde; las fallidas y las inciertas requieren su atención.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Posts</source>
        <translation>Publicaciones</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The outbox is empty: nothing was published or queued yet.</source>
        <translation>La bandeja de salida está vacía: aún no se publicó ni se puso en cola nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel sending</source>
        <translation>&amp;Cancelar el envío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mark as sent by hand</source>
        <translation>&amp;Marcar como enviado a mano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send &amp;anyway</source>
        <translation>&amp;Enviar de todos modos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open link</source>
        <translation>&amp;Abrir el enlace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a waiting, failed or cancelled post at once</source>
        <translation>Enviar ya una publicación en espera, fallida o cancelada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not send this post</source>
        <translation>No enviar esta publicación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It did go out (you checked): never send it again</source>
        <translation>Sí salió (comprobado): no volver a enviarla nunca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It did not go out (you checked): send it again</source>
        <translation>No salió (comprobado): volver a enviarla</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Could not read the outbox (%1).</source>
        <translation>No se pudo leer la bandeja de salida (%1).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel sending</source>
        <translation>Cancelar el envío</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark as sent by hand</source>
        <translation>Marcar como enviado a mano</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if you have checked that it went out: the post to %1 was tried at %2. It will never be sent again. Mark it as sent?</source>
        <translation>Solo si se comprobó que salió: la publicación en %1 se intentó a las %2. No se volverá a enviar nunca. ¿Marcarla como enviada?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send anyway</source>
        <translation>Enviar de todos modos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The post to %1 may already have gone out at %2; if it did, people get it twice. Send it anyway?</source>
        <translation>Puede que la publicación en %1 ya haya salido a las %2; si es así, la gente la recibirá dos veces. ¿Enviarla de todos modos?</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>an unknown time</source>
        <translation>una hora desconocida</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Unexpected error (%1); nothing was changed.</source>
        <translation>Error inesperado (%1); no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location line="-375"/>
        <source>Waiting to be sent</source>
        <translation>Esperando para enviarse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being sent now</source>
        <translation>Enviándose ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: needs you</source>
        <translation>Fallida: requiere su atención</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May have gone out: check</source>
        <translation>Puede que haya salido: comprobarlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled: will not be sent</source>
        <translation>Cancelada: no se enviará</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>Actualización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tries</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next try</source>
        <translation>Próximo intento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Double-click to open %1</source>
        <translation>Doble clic para abrir %1</translation>
    </message>
</context>
<context>
    <name>OutboxWorkflow</name>
    <message>
        <location filename="../../composer/ui/outbox_workflow.py" line="+115"/>
        <source>Sent from the outbox to %1</source>
        <translation>Enviado desde la bandeja de salida a %1</translation>
    </message>
</context>
<context>
    <name>OutreachDialog</name>
    <message>
        <location filename="../../composer/ui/outreach_dialog.py" line="+78"/>
        <source>Reach customers — %1</source>
        <translation>Contacto con los clientes — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;1 · Customers</source>
        <translation>&amp;1 · Clientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;2 · Message</source>
        <translation>&amp;2 · Mensaje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;3 · Send</source>
        <translation>&amp;3 · Enviar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Who was reached</source>
        <translation>&amp;A quién se contactó</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The customers to write to: a CSV file (a header row; comma, semicolon or tab; UTF-8 or Windows-1252), or rows copied from a spreadsheet, the header row first. A column of addresses is needed; names, languages, phones and anything else are used when the template has a field for them.</source>
        <translation>Los clientes a los que escribir: un archivo CSV (con una fila de encabezado; coma, punto y coma o tabulador; UTF-8 o Windows-1252) o filas copiadas de una hoja de cálculo, con la fila de encabezado primero. Hace falta una columna de direcciones; los nombres, idiomas, teléfonos y cualquier otra cosa se usan si la plantilla tiene un campo para ellos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open a CSV file…</source>
        <translation>&amp;Abrir un archivo CSV…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>…or paste the rows here (Name, Email, Language, Phone…)</source>
        <translation>…o pegue aquí las filas (Nombre, Correo, Idioma, Teléfono…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pasted rows</source>
        <translation>Filas pegadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Use the pasted rows</source>
        <translation>&amp;Usar las filas pegadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No list yet.</source>
        <translation>Aún no hay ninguna lista.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows left out</source>
        <translation>Filas descartadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next: the message →</source>
        <translation>&amp;Siguiente: el mensaje →</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Customers to reach</source>
        <translation>Clientes a los que contactar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the pasted rows</source>
        <translation>las filas pegadas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>comma</source>
        <translation>coma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>semicolon</source>
        <translation>punto y coma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tab</source>
        <translation>tabulador</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customers read from %1 (%2): %3.</source>
        <translation>Clientes leídos de %1 (%2): %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rows left out: %1, listed below; fix them in the list and import it again.</source>
        <translation>Filas descartadas: %1, en la lista de abajo; corríjalas en la lista y vuelva a importarla.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1</source>
        <translation>línea %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kept without it</source>
        <translation>se mantiene sin ello</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>left out</source>
        <translation>descartada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not import the list: %1</source>
        <translation>No se pudo importar la lista: %1</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Import the list of customers first (step 1).</source>
        <translation>Primero hay que importar la lista de clientes (paso 1).</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Customers who will get their own message: %1</source>
        <translation>Clientes que recibirán su propio mensaje: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; with none, a field missing (step 2): %1</source>
        <translation>; sin ninguno, por falta de un campo (paso 2): %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; rows of the list left out (step 1): %1</source>
        <translation>; filas de la lista descartadas (paso 1): %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Reach customers</source>
        <translation>Contacto con los clientes</translation>
    </message>
</context>
<context>
    <name>OutreachWorkflow</name>
    <message>
        <location filename="../../composer/ui/outreach_workflow.py" line="+50"/>
        <source>Reach customers</source>
        <translation>Contacto con los clientes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the incident to write about first.</source>
        <translation>Primero hay que abrir el incidente sobre el que escribir.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../composer/ui/publish_gate.py" line="+16"/>
        <source>Publish with failing checks?</source>
        <translation>¿Publicar con comprobaciones que fallan?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These checks fail:</source>
        <translation>Fallan estas comprobaciones:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To publish anyway, say why. The reason is kept in this update&apos;s history.</source>
        <translation>Para publicar de todos modos, indique el motivo. Se guarda en el historial de esta actualización.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. “Legal asked us not to name the supplier yet”</source>
        <translation>p. ej. «El departamento jurídico pidió no nombrar aún al proveedor»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why publish anyway</source>
        <translation>Por qué publicar de todos modos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publish anyway</source>
        <translation>Publicar de todos modos</translation>
    </message>
</context>
<context>
    <name>PathInput</name>
    <message>
        <location filename="../../composer/ui/accounts_dialog.py" line="-457"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse for %1</source>
        <translation>Elegir: %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../composer/ui/preferences_dialog.py" line="+14"/>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface</source>
        <translation>Interfaz</translation>
    </message>
</context>
<context>
    <name>PreviewTabs</name>
    <message>
        <location filename="../../composer/ui/previews.py" line="+43"/>
        <source>The update as a blog post</source>
        <translation>La actualización como entrada de blog</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The email as plain text</source>
        <translation>El correo en texto sin formato</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The email as HTML</source>
        <translation>El correo en HTML</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plain text</source>
        <translation>Texto sin formato</translation>
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
        <translation>Correo</translation>
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
        <translation>Contado como %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>What %1 will post</source>
        <translation>Qué publicará %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Blog · %n words</source>
        <translation>
            <numerusform>Blog · %n palabra</numerusform>
            <numerusform>Blog · %n palabras</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Blog · 1 word</source>
        <translation>Blog · 1 palabra</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Email · %n characters</source>
        <translation>
            <numerusform>Correo · %n carácter</numerusform>
            <numerusform>Correo · %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email · 1 character</source>
        <translation>Correo · 1 carácter</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>post %1 of %2</source>
        <translation>publicación %1 de %2</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../composer/ui/profile_dialog.py" line="+59"/>
        <source>Organisation and people</source>
        <translation>Organización y personas</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>24/7, or 08:00–20:00 CET</source>
        <translation>24/7, o 08:00–20:00 CET</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This computer&apos;s time zone</source>
        <translation>La zona horaria de este equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contact page</source>
        <translation>Página de &amp;contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email</source>
        <translation>C&amp;orreo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status page</source>
        <translation>Página de &amp;estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Alternate contact page</source>
        <translation>Página de contacto &amp;alternativa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A contact page hosted outside your own infrastructure: given when your website is down</source>
        <translation>Una página de contacto alojada fuera de su propia infraestructura: se da cuando su sitio web no funciona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Backup email</source>
        <translation>Correo de &amp;reserva</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An address on another domain than your own: given when your email is down</source>
        <translation>Una dirección de un dominio distinto del suyo: se da cuando su correo no funciona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phone &amp;hours</source>
        <translation>&amp;Horario telefónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the phone is answered, with the time zone</source>
        <translation>Cuándo se atiende el teléfono, con la zona horaria</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Readers&apos; &amp;time zone</source>
        <translation>&amp;Zona horaria de los lectores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times in updates are shown in it (empty: this computer&apos;s)</source>
        <translation>Las horas de las actualizaciones se muestran en ella (vacía: la de este equipo)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add person</source>
        <translation>A&amp;ñadir persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove person</source>
        <translation>&amp;Quitar persona</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>People who may sign updates</source>
        <translation>Personas que pueden firmar las actualizaciones</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Organisation and people — not saved</source>
        <translation>Organización y personas — no guardado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../composer/ui/publish_dialog.py" line="+139"/>
        <location line="+29"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+330"/>
        <source>Send again</source>
        <translation>Volver a enviar</translation>
    </message>
    <message>
        <location line="-329"/>
        <location line="+316"/>
        <source>Mark as sent</source>
        <translation>Marcar como enviado</translation>
    </message>
    <message>
        <location line="-292"/>
        <source>Send now</source>
        <translation>Enviar ahora</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — choose where this update goes, check what each will post, then publish.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — elija adónde va esta actualización, revise qué publicará cada cuenta y publíquela.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>Actualización</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No publisher for accounts of kind “%1”</source>
        <translation>No hay ningún publicador para las cuentas de tipo «%1»</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What will be posted</source>
        <translation>Qué se publicará</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Publish</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop sending</source>
        <translation>&amp;Detener el envío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop what has not been sent yet; what went out stays out</source>
        <translation>Detener lo que aún no se envió; lo que ya salió, salido está</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>What %1 will post</source>
        <translation>Qué publicará %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick one or more accounts to see what each will post.</source>
        <translation>Marque una o más cuentas para ver qué publicará cada una.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing chosen</source>
        <translation>Nada elegido</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This cannot be posted as it is: %1</source>
        <translation>Esto no se puede publicar tal cual: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Queued: will send when %1 is reachable</source>
        <translation>En cola: se enviará cuando %1 esté accesible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (next try %2)</source>
        <translation>%1 (próximo intento: %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Being sent from the outbox now: File → Outbox… says how it went</source>
        <translation>Enviándose ahora desde la bandeja de salida: Archivo → Bandeja de salida… indica cómo fue</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Already sent earlier, not sent again</source>
        <translation>Ya se había enviado; no se volvió a enviar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marked as sent: it will not be sent again</source>
        <translation>Marcada como enviada: no se volverá a enviar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the post</source>
        <translation>abrir la publicación</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Queued: will send to %1 when it is reachable</source>
        <translation>En cola: se enviará a %1 cuando esté accesible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued: will send to %1 when they are reachable</source>
        <translation>En cola: se enviará a %1 cuando estén accesibles</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Only if you have checked that it went out: this email was tried at %2 on %3. It will never be sent again. Mark it as sent?</source>
        <translation>Solo si se comprobó que salió: este correo se intentó enviar a las %2 por %3. No se volverá a enviar nunca. ¿Marcarlo como enviado?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only if you have checked that it went out: this post was tried at %2 on %3. It will never be sent again. Mark it as sent?</source>
        <translation>Solo si se comprobó que salió: esta publicación se intentó a las %2 en %3. No se volverá a enviar nunca. ¿Marcarla como enviada?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This email may already have gone out at %2 on %3; if it did, people get it twice. Send it again?</source>
        <translation>Puede que este correo ya haya salido a las %2 por %3; si es así, la gente lo recibirá dos veces. ¿Volver a enviarlo?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This post may already have gone out at %2 on %3; if it did, people get it twice. Send it again?</source>
        <translation>Puede que esta publicación ya haya salido a las %2 en %3; si es así, la gente la recibirá dos veces. ¿Volver a enviarla?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an unknown time</source>
        <translation>una hora desconocida</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unexpected error (%1); nothing more is known. Try again, or report it.</source>
        <translation>Error inesperado (%1); no se sabe nada más. Vuelva a intentarlo o informe del error.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopped before sending; nothing was sent.</source>
        <translation>Detenido antes de enviar; no se envió nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
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
        <translation>Publicar</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Save the update first: see the status bar.</source>
        <translation>Primero hay que guardar la actualización: ver la barra de estado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not published: %1.</source>
        <translation>No se publicó: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no account to publish to yet. Add one in Edit → Accounts…</source>
        <translation>Aún no hay ninguna cuenta donde publicar. Añada una en Editar → Cuentas…</translation>
    </message>
</context>
<context>
    <name>PublishedNotice</name>
    <message>
        <location filename="../../composer/ui/published_notice.py" line="+24"/>
        <source>This update has been published. Publishing it again sends a correction (its own email, a dated note on the blog, a reply on social networks).</source>
        <translation>Esta actualización ya se publicó. Publicarla de nuevo envía una corrección (un correo propio, una nota fechada en el blog, una respuesta en las redes sociales).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this note for this update</source>
        <translation>Ocultar esta nota para esta actualización</translation>
    </message>
</context>
<context>
    <name>PublishingContext</name>
    <message>
        <location filename="../../composer/ui/publishing_context.py" line="+50"/>
        <source>Keyring</source>
        <translation>Depósito de claves</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../composer/ui/review_dialog.py" line="+73"/>
        <source>Review updates</source>
        <translation>Revisar actualizaciones</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updates waiting for a reviewer</source>
        <translation>Actualizaciones pendientes de revisión</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The update, with the changes since the last review</source>
        <translation>La actualización, con los cambios desde la última revisión</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What should change (needed to request changes)</source>
        <translation>Qué hay que cambiar (necesario para pedir cambios)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Approve</source>
        <translation>&amp;Aprobar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request &amp;changes</source>
        <translation>Pedir &amp;cambios</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Comment:</source>
        <translation>Comentario:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing waits for a reviewer.</source>
        <translation>No hay nada pendiente de revisión.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>awaiting review</source>
        <translation>pendiente de revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changes requested</source>
        <translation>cambios pedidos</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Changes since %1&apos;s review: removed words struck through, new ones underlined.</source>
        <translation>Cambios desde la revisión de %1: las palabras suprimidas, tachadas; las nuevas, subrayadas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 asked: %2</source>
        <translation>%1 pidió: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not reviewed before.</source>
        <translation>No se revisó antes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every check passes.</source>
        <translation>Pasan todas las comprobaciones.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Approved.</source>
        <translation>Aprobada.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changes requested.</source>
        <translation>Se pidieron cambios.</translation>
    </message>
</context>
<context>
    <name>RuleRow</name>
    <message>
        <location filename="../../composer/ui/checklist_panel.py" line="-132"/>
        <source>Fix</source>
        <translation>Corregir</translation>
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
        <translation>Corregir: %1</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../composer/ui/search_dialog.py" line="+53"/>
        <source>Find in all updates</source>
        <translation>Buscar en todas las actualizaciones</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Words from any update, in any language: “correu retard”, “caída”</source>
        <translation>Palabras de cualquier actualización, en cualquier idioma: «correu retard», «caída»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Matching updates</source>
        <translation>Actualizaciones que coinciden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start from this update</source>
        <translation>&amp;Empezar desde esta actualización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this text into a new draft of the incident you are on</source>
        <translation>Copiar este texto en un nuevo borrador del incidente abierto</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No update matches every word.</source>
        <translation>Ninguna actualización contiene todas las palabras.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The newest %1 matches; add a word to narrow them.</source>
        <translation>Las %1 coincidencias más recientes; añada una palabra para acotarlas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 matching updates, newest first.</source>
        <translation>%1 actualizaciones coincidentes, la más reciente primero.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>published %1</source>
        <translation>publicada %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>draft, %1</source>
        <translation>borrador, %1</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <location filename="../../composer/ui/outreach_send.py" line="+117"/>
        <source> messages a minute</source>
        <translation> mensajes por minuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evenly spaced, so the mail server does not turn the run away</source>
        <translation>Repartidos de forma uniforme, para que el servidor de correo no rechace el envío</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No account can send a personal message yet: add an email account in Edit → Accounts…, then open this window again.</source>
        <translation>Aún no hay ninguna cuenta que pueda enviar un mensaje personal: añada una cuenta de correo en Editar → Cuentas… y vuelva a abrir esta ventana.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From the &amp;account:</source>
        <translation>Desde la &amp;cuenta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At &amp;most:</source>
        <translation>Como má&amp;ximo:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Send to every customer</source>
        <translation>&amp;Enviar a todos los clientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+86"/>
        <location line="+14"/>
        <location line="+68"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>S&amp;top</source>
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Each customer gets their message once. Stopped, closed, crashed or cut off from the network: Send again, and whoever already got their message is skipped. A message that may or may not have gone out is never sent again on its own: it waits for you in File → Outbox….</source>
        <translation>Cada cliente recibe su mensaje una sola vez. Si se detiene, se cierra, falla o se queda sin red: vuelva a enviar, y se omite a quien ya recibió su mensaje. Un mensaje que puede haber salido o no nunca se vuelve a enviar solo: espera en Archivo → Bandeja de salida….</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Reach customers</source>
        <translation>Contacto con los clientes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting…</source>
        <translation>Empezando…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Going on…</source>
        <translation>Continuando…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused: a message being sent finishes, then nothing goes out until you resume.</source>
        <translation>En pausa: el mensaje que se está enviando termina, y luego no sale nada hasta reanudar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopping after the message being sent…</source>
        <translation>Se detendrá después del mensaje que se está enviando…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already sent earlier</source>
        <translation>ya enviado antes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not sent</source>
        <translation>no enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncertain (see File → Outbox…)</source>
        <translation>incierto (ver Archivo → Bandeja de salida…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>without a message (a field missing)</source>
        <translation>sin mensaje (falta un campo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled in the outbox</source>
        <translation>cancelado en la bandeja de salida</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing sent yet.</source>
        <translation>Aún no se envió nada.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopped before the end: Send again to go on; whoever got their message is skipped.</source>
        <translation>Detenido antes del final: vuelva a enviar para continuar; se omite a quien ya recibió su mensaje.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rows of the list left out (step 1): %1.</source>
        <translation>Filas de la lista descartadas (paso 1): %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The run stopped: %1. Send again to go on; whoever got their message is skipped.</source>
        <translation>El envío se detuvo: %1. Vuelva a enviar para continuar; se omite a quien ya recibió su mensaje.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../composer/ui/status_panel.py" line="+46"/>
        <source>Network: checking…</source>
        <translation>Red: comprobando…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Needs your attention</source>
        <translation>Requiere su atención</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Saved %1</source>
        <translation>Guardado a las %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Started %1 ago</source>
        <translation>Empezó hace %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starts in %1</source>
        <translation>Empieza dentro de %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing published yet</source>
        <translation>Aún no se publicó nada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last update promised no next update</source>
        <translation>La última actualización no prometía otra actualización</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next update due in %1</source>
        <translation>Próxima actualización dentro de %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next update overdue by %1</source>
        <translation>Próxima actualización con %1 de retraso</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Network: local only</source>
        <translation>Red: solo local</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Network: unknown</source>
        <translation>Red: desconocida</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Network: interface up</source>
        <translation>Red: interfaz activa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No reachability service on this system; this only tells whether a network interface is up.</source>
        <translation>Este sistema no tiene servicio de accesibilidad de red; esto solo indica si hay una interfaz de red activa.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Online, but no account&apos;s server answers</source>
        <translation>En línea, pero no responde ningún servidor de las cuentas</translation>
    </message>
</context>
<context>
    <name>StoreWatch</name>
    <message>
        <location filename="../../composer/ui/store_watch.py" line="+183"/>
        <source>Checklist settings</source>
        <translation>Configuración de la lista de comprobación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — using the default settings.</source>
        <translation>%1 — se usa la configuración predeterminada.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../composer/ui/template_dialog.py" line="+31"/>
        <source>Investigating</source>
        <translation>En investigación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identified</source>
        <translation>Identificado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitoring</source>
        <translation>En seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance scheduled</source>
        <translation>Mantenimiento programado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance in progress</source>
        <translation>Mantenimiento en curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance completed</source>
        <translation>Mantenimiento completado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postmortem summary</source>
        <translation>Resumen del análisis posterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal apology (one customer)</source>
        <translation>Disculpa personal (un cliente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternate contact page</source>
        <translation>Página de contacto alternativa</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>New update from a template</source>
        <translation>Nueva actualización desde una plantilla</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Use this update</source>
        <translation>Usar esta actualización</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Preview: %1</source>
        <translation>Vista previa: %1</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../composer/ui/template_editor.py" line="+57"/>
        <location line="+7"/>
        <location line="+140"/>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>&amp;New</source>
        <translation>&amp;Nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplicar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;lete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Rendered with its example values:</source>
        <translation>Generada con sus valores de ejemplo:</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The template&apos;s text</source>
        <translation>El texto de la plantilla</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>built-in</source>
        <translation>integrada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yours</source>
        <translation>suya</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No problems found.</source>
        <translation>No se encontró ningún problema.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Delete template</source>
        <translation>Eliminar la plantilla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete %1?</source>
        <translation>¿Eliminar %1?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a template</source>
        <translation>Importar una plantilla</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the template</source>
        <translation>Exportar la plantilla</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export</source>
        <translation>Exportar</translation>
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
        <translation>Guardar la página de contacto alternativa</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save page</source>
        <translation>Guardar la página</translation>
    </message>
</context>
<context>
    <name>TrackingPage</name>
    <message>
        <location filename="../../composer/ui/outreach_table.py" line="+28"/>
        <source>Only the call list: who must be phoned</source>
        <translation>Solo la lista de llamadas: a quién hay que llamar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Customers and whether they were reached</source>
        <translation>Clientes y si se los contactó</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Mark &amp;replied</source>
        <translation>Marcar como &amp;respondido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected customers answered</source>
        <translation>Los clientes seleccionados respondieron</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs a &amp;call…</source>
        <translation>Hay que &amp;llamar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected customers must be phoned</source>
        <translation>Hay que llamar a los clientes seleccionados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear marks</source>
        <translation>&amp;Borrar las marcas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;number</source>
        <translation>Copiar el &amp;número</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export CSV…</source>
        <translation>E&amp;xportar a CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>Act&amp;ualizar</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No customer has been written to for this incident yet.</source>
        <translation>Aún no se escribió a ningún cliente por este incidente.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customers: %1 — %2.</source>
        <translation>Clientes: %1 — %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To phone: %1 (tick the call list).</source>
        <translation>Por llamar: %1 (marque la lista de llamadas).</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n contacted</source>
        <translation>
            <numerusform>%n contactado</numerusform>
            <numerusform>%n contactados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fallido</numerusform>
            <numerusform>%n fallidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n uncertain (see the outbox)</source>
        <translation>
            <numerusform>%n incierto (ver la bandeja de salida)</numerusform>
            <numerusform>%n inciertos (ver la bandeja de salida)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n replied</source>
        <translation>
            <numerusform>%n respondió</numerusform>
            <numerusform>%n respondieron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n to phone</source>
        <translation>
            <numerusform>%n por llamar</numerusform>
            <numerusform>%n por llamar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n not sent yet</source>
        <translation>
            <numerusform>%n aún no enviado</numerusform>
            <numerusform>%n aún no enviados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n being sent</source>
        <translation>
            <numerusform>%n enviándose</numerusform>
            <numerusform>%n enviándose</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelado</numerusform>
            <numerusform>%n cancelados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Needs a call</source>
        <translation>Hay que llamar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why the call (optional):</source>
        <translation>Motivo de la llamada (opcional):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Who was reached</source>
        <translation>A quién se contactó</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copied %1 (%2) to the clipboard.</source>
        <translation>Copiado %1 (%2) al portapapeles.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export who was reached</source>
        <translation>Exportar a quién se contactó</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrote %1 (customers: %2).</source>
        <translation>Escrito %1 (clientes: %2).</translation>
    </message>
</context>
<context>
    <name>UpdateEditor</name>
    <message>
        <location filename="../../composer/ui/update_editor.py" line="+59"/>
        <source>Write the update in Markdown. Say what customers cannot do, own it, say when the next update comes, sign with your name and give a way to reach you.</source>
        <translation>Escriba la actualización en Markdown. Diga qué no pueden hacer los clientes, asuma la responsabilidad, diga cuándo llegará la próxima actualización, firme con su nombre y dé una forma de contacto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Update text</source>
        <translation>Texto de la actualización</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Where the incident stands in this update</source>
        <translation>En qué punto está el incidente en esta actualización</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The person who signs this update: a name, not a team</source>
        <translation>La persona que firma esta actualización: un nombre, no un equipo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name, role</source>
        <translation>Su nombre, cargo</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Next update by</source>
        <translation>Próxima actualización antes de</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In 30 min</source>
        <translation>En 30 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promise the next update 30 minutes from now</source>
        <translation>Prometer la próxima actualización dentro de 30 minutos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../composer/ui/vocabulary.py" line="+21"/>
        <source>Investigating</source>
        <translation>En investigación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identified</source>
        <translation>Identificado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitoring</source>
        <translation>En seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled</source>
        <translation>Programado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postmortem</source>
        <translation>Análisis posterior</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Critical</source>
        <translation>Crítico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major</source>
        <translation>Grave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minor</source>
        <translation>Leve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>passes</source>
        <translation>se supera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to look at</source>
        <translation>por revisar</translation>
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
        <translation>&amp;Nuevo incidente…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a new incident with its first update</source>
        <translation>Empezar un nuevo incidente con su primera actualización</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New &amp;update</source>
        <translation>Nueva &amp;actualización</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the next update to this incident</source>
        <translation>Añadir la siguiente actualización a este incidente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import an update from Markdown with front matter</source>
        <translation>Importar una actualización desde Markdown con encabezado (front matter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export this update as Markdown with front matter</source>
        <translation>Exportar esta actualización como Markdown con encabezado (front matter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save now</source>
        <translation>&amp;Guardar ahora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Everything is saved as you type; this saves at once</source>
        <translation>Todo se guarda mientras se escribe; esto lo guarda al momento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New update from &amp;template…</source>
        <translation>Nueva actualización desde &amp;plantilla…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A ready update for this stage, in every channel</source>
        <translation>Una actualización lista para esta fase, en todos los canales</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Publish…</source>
        <translation>P&amp;ublicar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send this update to your accounts (checks first)</source>
        <translation>Enviar esta actualización a sus cuentas (se comprueba antes)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reach customers…</source>
        <translation>&amp;Contactar con los clientes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A personal message to every affected customer of this incident, and who was reached</source>
        <translation>Un mensaje personal a cada cliente afectado por este incidente, y a quién se contactó</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark as publis&amp;hed…</source>
        <translation>&amp;Marcar como publicada…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record that this update went out by other means (checks first)</source>
        <translation>Registrar que esta actualización salió por otros medios (se comprueba antes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Outbox…</source>
        <translation>Bandeja de &amp;salida…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What waits to be sent, what was sent, and what needs you</source>
        <translation>Lo que espera para enviarse, lo que se envió y lo que requiere su atención</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export for &amp;manual sending…</source>
        <translation>Exportar para en&amp;vío manual…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write this update into a folder, ready to send by hand from another device</source>
        <translation>Escribir esta actualización en una carpeta, lista para enviarla a mano desde otro dispositivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy for</source>
        <translation>C&amp;opiar para</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put on the clipboard what a channel would post, to post it by hand</source>
        <translation>Poner en el portapapeles lo que publicaría un canal, para publicarlo a mano</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Accounts…</source>
        <translation>&amp;Cuentas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where updates are published, and where their secrets are kept</source>
        <translation>Dónde se publican las actualizaciones, y dónde se guardan sus secretos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revision &amp;history…</source>
        <translation>&amp;Historial de revisiones…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>See and restore earlier texts of this update</source>
        <translation>Ver y restaurar textos anteriores de esta actualización</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Review updates…</source>
        <translation>&amp;Revisar actualizaciones…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updates that wait for a second person&apos;s approval, in a team&apos;s workspace</source>
        <translation>Actualizaciones que esperan la aprobación de una segunda persona, en un espacio de trabajo de equipo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Templates…</source>
        <translation>&amp;Plantillas…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your own templates beside the built-ins</source>
        <translation>Sus propias plantillas junto a las integradas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Organisation and people…</source>
        <translation>&amp;Organización y personas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact details and the people who may sign updates</source>
        <translation>Datos de contacto y las personas que pueden firmar las actualizaciones</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find in all updates…</source>
        <translation>&amp;Buscar en todas las actualizaciones…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every update ever written that holds these words; start a new one from it</source>
        <translation>Todas las actualizaciones escritas que contienen estas palabras; empezar una nueva a partir de una</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>Pr&amp;eferencias…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The interface language, on this computer</source>
        <translation>El idioma de la interfaz, en este equipo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Filter incidents</source>
        <translation>&amp;Filtrar incidentes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recargar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show incidents imported from the command line</source>
        <translation>Mostrar los incidentes importados desde la línea de órdenes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to &amp;incidents</source>
        <translation>Ir a los &amp;incidentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;editor</source>
        <translation>Ir al &amp;editor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;previews</source>
        <translation>Ir a las &amp;vistas previas</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <location filename="../../composer/ui/window_commands.py" line="+52"/>
        <location line="+11"/>
        <source>New incident</source>
        <translation>Nuevo incidente</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+18"/>
        <source>New update</source>
        <translation>Nueva actualización</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Open the incident the new update is for first.</source>
        <translation>Primero hay que abrir el incidente al que corresponde la nueva actualización.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Import an update</source>
        <translation>Importar una actualización</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not import %1: %2</source>
        <translation>No se pudo importar %1: %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Revision history</source>
        <translation>Historial de revisiones</translation>
    </message>
</context>
<context>
    <name>WorkspaceBanner</name>
    <message>
        <location filename="../../composer/ui/workspace_banner.py" line="+30"/>
        <source>Resolve…</source>
        <translation>Resolver…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See both versions and choose the one to keep</source>
        <translation>Ver las dos versiones y elegir la que se conserva</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review…</source>
        <translation>Revisar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the updates that wait for a second person, and approve them</source>
        <translation>Leer las actualizaciones que esperan a una segunda persona y aprobarlas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit anyway</source>
        <translation>Editar de todos modos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit this update although someone else is editing it</source>
        <translation>Editar esta actualización aunque otra persona la esté editando</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Workspace unreachable: drafting goes on here; %n changes will be sent when it answers.</source>
        <translation>
            <numerusform>El espacio de trabajo está inaccesible: la redacción sigue aquí; se enviará %n cambio cuando responda.</numerusform>
            <numerusform>El espacio de trabajo está inaccesible: la redacción sigue aquí; se enviarán %n cambios cuando responda.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workspace unreachable: drafting goes on here; 1 change will be sent when it answers.</source>
        <translation>El espacio de trabajo está inaccesible: la redacción sigue aquí; se enviará 1 cambio cuando responda.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Workspace unreachable: drafting goes on here.</source>
        <translation>El espacio de trabajo está inaccesible: la redacción sigue aquí.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is editing this update.</source>
        <translation>%1 está editando esta actualización.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n changes conflict: two people changed the same thing. Both versions are kept.</source>
        <translation>
            <numerusform>%n cambio en conflicto: dos personas cambiaron lo mismo. Se conservan las dos versiones.</numerusform>
            <numerusform>%n cambios en conflicto: dos personas cambiaron lo mismo. Se conservan las dos versiones.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 change conflicts: two people changed the same thing. Both versions are kept.</source>
        <translation>1 cambio en conflicto: dos personas cambiaron lo mismo. Se conservan las dos versiones.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n changes were refused by the workspace (your role does not allow them).</source>
        <translation>
            <numerusform>El espacio de trabajo rechazó %n cambio (su rol no lo permite).</numerusform>
            <numerusform>El espacio de trabajo rechazó %n cambios (su rol no lo permite).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 change was refused by the workspace (your role does not allow it).</source>
        <translation>El espacio de trabajo rechazó 1 cambio (su rol no lo permite).</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n updates wait for a reviewer.</source>
        <translation>
            <numerusform>%n actualización espera a un revisor.</numerusform>
            <numerusform>%n actualizaciones esperan a un revisor.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 update waits for a reviewer.</source>
        <translation>1 actualización espera a un revisor.</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <location filename="../../composer/ui/workspace_page.py" line="+42"/>
        <source>Workspace address</source>
        <translation>Dirección del espacio de trabajo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join</source>
        <translation>&amp;Unirse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Leave the workspace</source>
        <translation>&amp;Salir del espacio de trabajo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This data folder is in the workspace %1 as %2.</source>
        <translation>Esta carpeta de datos está en el espacio de trabajo %1 como %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It cannot be reached now: drafting goes on here.</source>
        <translation>Ahora está inaccesible: la redacción continúa aquí.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting to be sent: %1. Conflicts: %2.</source>
        <translation>Pendiente de envío: %1. Conflictos: %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not in a workspace: this data folder is only here. Join a team&apos;s workspace (a PostgreSQL database) to share incidents, the roster and approvals.</source>
        <translation>No está en ningún espacio de trabajo: esta carpeta de datos solo está aquí. Al unirse al espacio de trabajo de un equipo (una base de datos PostgreSQL) se comparten los incidentes, las personas que pueden firmar y las aprobaciones.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>draft</source>
        <translation>redactar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>review and approve</source>
        <translation>revisar y aprobar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administer</source>
        <translation>administrar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing (no role was granted)</source>
        <translation>nada (no se concedió ningún rol)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You may: %1.</source>
        <translation>Puede: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you may do will show when the workspace answers.</source>
        <translation>Lo que puede hacer se mostrará cuando el espacio de trabajo responda.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is nowhere to keep the password (no keyring): not joined.</source>
        <translation>No hay dónde guardar la contraseña (no hay depósito de claves): no se unió.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Joining…</source>
        <translation>Uniéndose…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Joined. The first sync runs now.</source>
        <translation>Se unió. Ahora se hace la primera sincronización.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not joined: %1</source>
        <translation>No se unió: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 changes made here have not reached the workspace and would not reach the team. Leave anyway?</source>
        <translation>%1 cambios hechos aquí no llegaron al espacio de trabajo y no llegarían al equipo. ¿Salir de todos modos?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave the workspace? This data folder keeps its incidents; the team&apos;s changes stop arriving.</source>
        <translation>¿Salir del espacio de trabajo? Esta carpeta de datos conserva sus incidentes; los cambios del equipo dejan de llegar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the workspace</source>
        <translation>Salir del espacio de trabajo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left the workspace.</source>
        <translation>Se salió del espacio de trabajo.</translation>
    </message>
</context>
<context>
    <name>WorkspaceWorkflow</name>
    <message>
        <location filename="../../composer/ui/workspace_workflow.py" line="+174"/>
        <source>%1 is editing this update now. If you both change it, both versions are kept and one of you resolves the conflict. Edit it anyway?</source>
        <translation>%1 está editando esta actualización ahora. Si los dos la cambian, se conservan las dos versiones y uno de ustedes resuelve el conflicto. ¿Editarla de todos modos?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit anyway</source>
        <translation>Editar de todos modos</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Review updates</source>
        <translation>Revisar actualizaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews happen in a team&apos;s workspace: join one in Edit → Preferences → Workspace.</source>
        <translation>Las revisiones se hacen en un espacio de trabajo de equipo: hay que unirse a uno en Editar → Preferencias → Espacio de trabajo.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Two people changed the same thing at the same time.

Shown now (%1):
%2

The other version (%3):
%4

Keep the version shown? (No keeps the other one.)</source>
        <translation>Dos personas cambiaron lo mismo a la vez.

Se muestra ahora (%1):
%2

La otra versión (%3):
%4

¿Conservar la versión que se muestra? (No conserva la otra.)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Resolve a conflict</source>
        <translation>Resolver un conflicto</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../composer/ui/preferences_dialog.py" line="+26"/>
        <source>Workspace</source>
        <translation>Espacio de trabajo</translation>
    </message>
</context>
</TS>
