<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_PE" sourcelanguage="en">
<context>
    <name>AdministrationView</name>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Signing keys</source>
        <translation>Claves de firma</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>Competencias</translation>
    </message>
</context>
<context>
    <name>AgreementForm</name>
    <message>
        <source>New agreement</source>
        <translation>Nuevo convenio</translation>
    </message>
    <message>
        <source>Agreement {number} — {state}</source>
        <translation>Convenio {number} — {state}</translation>
    </message>
    <message>
        <source>End early…</source>
        <translation>Resolver…</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Número:</translation>
    </message>
    <message>
        <source>Workshop:</source>
        <translation>Taller:</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>Firmado el:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Last day covered:</source>
        <translation>Último día cubierto:</translation>
    </message>
    <message>
        <source>The agreement stops covering the days after this one. This cannot be undone: a new agreement is recorded if the partner comes back.</source>
        <translation>El convenio deja de cubrir los días posteriores a este. No se puede deshacer: si el socio vuelve, se registra un convenio nuevo.</translation>
    </message>
    <message>
        <source>End agreement {number} early</source>
        <translation>Resolver el convenio {number}</translation>
    </message>
    <message>
        <source>End the agreement</source>
        <translation>Resolver el convenio</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Panel</source>
        <extracomment>The tabs of Administración: users, signing keys, competencies.</extracomment>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>Talleres</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>Internos</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Producción</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Entregas</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificados</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reportes</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
</context>
<context>
    <name>AssessmentCorrection</name>
    <message>
        <source>Correct assessment</source>
        <translation>Corregir evaluación</translation>
    </message>
    <message>
        <source>e.g. the grade was copied wrong from the record</source>
        <translation>p. ej., la nota se copió mal del acta</translation>
    </message>
    <message>
        <source>Assessment:</source>
        <translation>Evaluación:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>A certificate already issued keeps what it printed: to print the corrected result, issue a replacement.</source>
        <translation>Un certificado ya emitido conserva lo que imprimió: para imprimir el resultado corregido, emita un reemplazo.</translation>
    </message>
    <message>
        <source>{day}: {result}</source>
        <translation>{day}: {result}</translation>
    </message>
    <message>
        <source>{name} has no assessment to correct.</source>
        <translation>{name} no tiene evaluaciones que corregir.</translation>
    </message>
    <message>
        <source>Correct assessment…</source>
        <translation>Corregir evaluación…</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Record assessment</source>
        <translation>Registrar evaluación</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>desaprobado</translation>
    </message>
    <message>
        <source>Grade (0–20):</source>
        <translation>Nota (0–20):</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Desaprobado</translation>
    </message>
    <message>
        <source>Workshop:</source>
        <translation>Taller:</translation>
    </message>
    <message>
        <source>Competency:</source>
        <translation>Competencia:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <source>Evaluator:</source>
        <translation>Evaluador:</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(opcional)</translation>
    </message>
    <message>
        <source>The trade of this workshop lists no competencies.</source>
        <translation>El oficio de este taller no tiene competencias registradas.</translation>
    </message>
    <message>
        <source>Choose the competency assessed.</source>
        <translation>Elija la competencia evaluada.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{hours}; not assessed yet.</source>
        <translation>{hours}; aún sin evaluar.</translation>
    </message>
    <message>
        <source>{hours}; last assessed on {day}: {result}.</source>
        <translation>{hours}; última evaluación el {day}: {result}.</translation>
    </message>
    <message>
        <source>Record assessment…</source>
        <translation>Registrar evaluación…</translation>
    </message>
    <message>
        <source>{name} has no enrolment to assess.</source>
        <translation>{name} no tiene una inscripción que evaluar.</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>{name}, {day}: {reason}</source>
        <extracomment>The roles the sheet answers; Qt asks for others on every paint (checked first).</extracomment>
        <translation>{name}, {day}: {reason}</translation>
    </message>
    <message>
        <source>the day has not come yet.</source>
        <translation>el día aún no llega.</translation>
    </message>
    <message>
        <source>the day is outside the enrolment.</source>
        <translation>el día está fuera de la inscripción.</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Valid
days</source>
        <translation>Días
válidos</translation>
    </message>
    <message>
        <source>{name} ({code}) · {state} since {start}</source>
        <translation>{name} ({code}) · {state} desde el {start}</translation>
    </message>
</context>
<context>
    <name>AttendanceView</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Mark day present</source>
        <translation>Marcar día presente</translation>
    </message>
    <message>
        <source>Copy day to the next</source>
        <translation>Copiar día al siguiente</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Print planilla…</source>
        <translation>Imprimir planilla…</translation>
    </message>
    <message>
        <source>Type the hours, F (absence) or J (justified absence); Enter moves down, Delete empties, Ctrl+Z undoes. Shaded: Sundays and holidays. Grey: days that cannot be recorded. Bold italics: not saved yet.</source>
        <translation>Escriba las horas, F (falta) o J (falta justificada); Enter baja a la fila siguiente, Supr vacía la celda, Ctrl+Z deshace. Sombreado: domingos y feriados. Gris: días que no se pueden registrar. Negrita cursiva: aún sin guardar.</translation>
    </message>
    <message>
        <source>You have no workshop to record.</source>
        <translation>No tiene talleres en los que registrar asistencia.</translation>
    </message>
    <message>
        <source>Choose a day first.</source>
        <translation>Primero elija un día.</translation>
    </message>
    <message>
        <source>{count} cells copied from {day} to the next day.</source>
        <translation>{count} celdas copiadas del {day} al día siguiente.</translation>
    </message>
    <message>
        <source>{count} trainees marked present on {day}.</source>
        <translation>{count} internos marcados presentes el {day}.</translation>
    </message>
    <message>
        <source>Undone: {count} cells.</source>
        <translation>Deshecho: {count} celdas.</translation>
    </message>
    <message>
        <source>Redone: {count} cells.</source>
        <translation>Rehecho: {count} celdas.</translation>
    </message>
    <message>
        <source>Saved: {new} new, {changed} changed, {deleted} emptied.</source>
        <translation>Guardado: {new} nuevas, {changed} modificadas, {deleted} vaciadas.</translation>
    </message>
    <message>
        <source>The sheet has {count} changed cells that are not saved. Save them?</source>
        <translation>La planilla tiene {count} celdas modificadas sin guardar. ¿Desea guardarlas?</translation>
    </message>
    <message>
        <source>Planilla of {workshop}, {month}</source>
        <translation>Planilla de {workshop}, {month}</translation>
    </message>
    <message>
        <source>Unsaved attendance</source>
        <translation>Asistencia sin guardar</translation>
    </message>
    <message>
        <source>Workshop:</source>
        <translation>Taller:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Mes:</translation>
    </message>
    <message>
        <source>(closed)</source>
        <translation>(cerrado)</translation>
    </message>
    <message>
        <source>{workshop} · {trade} · {count} trainees · working day {standard} h, at most {limit} h a day; a day counts from {minimum} h</source>
        <translation>{workshop} · {trade} · {count} internos · jornada de {standard} h, máximo {limit} h al día; un día cuenta desde {minimum} h</translation>
    </message>
</context>
<context>
    <name>AuditDetail</name>
    <message>
        <source>Entry No. {seq}</source>
        <translation>Registro N.° {seq}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Identificador del registro</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Entry id</source>
        <translation>Identificador de la entrada</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>No field values recorded.</source>
        <translation>No se registraron valores de campos.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
</context>
<context>
    <name>AuditTable</name>
    <message>
        <source>No.</source>
        <translation>N.°</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Select an entry to see what changed.</source>
        <extracomment>How many hex digits of the head hash the result shows (enough to compare by eye).</extracomment>
        <translation>Seleccione una entrada para ver qué cambió.</translation>
    </message>
    <message>
        <source>Search in summaries and changes</source>
        <translation>Buscar en resúmenes y cambios</translation>
    </message>
    <message>
        <source>Any record</source>
        <translation>Cualquier registro</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verificar cadena</translation>
    </message>
    <message>
        <source>Check that no entry of the log was changed, removed or inserted.</source>
        <translation>Comprueba que ninguna entrada del registro fue modificada, eliminada o insertada.</translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation>Verificando la cadena…</translation>
    </message>
    <message>
        <source>The chain is intact: {count} entries checked. Head hash: {head}…</source>
        <translation>La cadena está íntegra: {count} entradas verificadas. Hash final: {head}…</translation>
    </message>
    <message>
        <source>The chain is broken at entry No. {seq}: {reason}. The {count} entries before it are intact.</source>
        <translation>La cadena está rota en la entrada N.° {seq}: {reason}. Las {count} entradas anteriores están íntegras.</translation>
    </message>
    <message>
        <source>its content was changed after it was written</source>
        <translation>su contenido se modificó después de registrarse</translation>
    </message>
    <message>
        <source>an entry before it is missing, or one was inserted</source>
        <translation>falta una entrada anterior, o se insertó una</translation>
    </message>
</context>
<context>
    <name>BackupDialogs</name>
    <message>
        <source>Database check</source>
        <translation>Verificación de la base de datos</translation>
    </message>
    <message>
        <source>The database passed every check.</source>
        <translation>La base de datos pasó todas las verificaciones.</translation>
    </message>
    <message>
        <source>The database failed a check. Take no more changes on it: restore the newest good backup (File → Restore a backup…) or ask for technical help, and keep this report.</source>
        <translation>La base de datos no pasó una verificación. No registre más cambios en ella: restaure la copia de seguridad buena más reciente (Archivo → Restaurar copia de seguridad…) o pida ayuda técnica, y conserve este informe.</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation>Elija la copia de seguridad que desea restaurar</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3 *.gz *.enc);;All files (*)</source>
        <translation>Copias de seguridad (*.sqlite3 *.gz *.enc);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>A backup is running; try again when it has finished.</source>
        <translation>Se está haciendo una copia de seguridad; inténtelo de nuevo cuando termine.</translation>
    </message>
    <message>
        <source>Backups are encrypted. Type the passphrase that protects them; it is asked once while the program stays open.</source>
        <translation>Las copias de seguridad están cifradas. Escriba la frase de paso que las protege; se pide una sola vez mientras el programa siga abierto.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>No passphrase was given, so no automatic backup will be taken until the program is started again. File → Back up now asks again.</source>
        <translation>No se dio la frase de paso, así que no se harán copias de seguridad automáticas hasta que el programa se vuelva a iniciar. Archivo → Copia de seguridad ahora la vuelve a pedir.</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Cerrando</translation>
    </message>
    <message>
        <source>Taking the closing backup…</source>
        <translation>Haciendo la copia de seguridad de cierre…</translation>
    </message>
    <message>
        <source>Automatic backup taken: {name}</source>
        <translation>Copia de seguridad automática hecha: {name}</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>Falló la copia de seguridad automática: {reason}</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Taking a verified backup of the database…</source>
        <translation>Haciendo una copia de seguridad verificada de la base de datos…</translation>
    </message>
    <message>
        <source>A verified backup was written to:
{path}
({size})</source>
        <translation>Se guardó una copia de seguridad verificada en:
{path}
({size})</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar copia de seguridad</translation>
    </message>
    <message>
        <source>Checking the backup and restoring it…</source>
        <translation>Verificando la copia de seguridad y restaurándola…</translation>
    </message>
    <message>
        <source>The backup {name} is encrypted. Type its passphrase.</source>
        <translation>La copia de seguridad {name} está cifrada. Escriba su frase de paso.</translation>
    </message>
    <message>
        <source>The database {database} will be replaced by the backup {file}.

Everything recorded after that backup was taken will no longer be in the database. The current database is backed up first, into {folder}, so it can be brought back.

Restore the backup?</source>
        <translation>La base de datos {database} será reemplazada por la copia de seguridad {file}.

Todo lo registrado después de que se hizo esa copia dejará de estar en la base de datos. Antes se hace una copia de la base de datos actual en {folder}, para que pueda recuperarse.

¿Restaurar la copia?</translation>
    </message>
    <message>
        <source>The restored database has no account {user}: the program closes; start it again and sign in.</source>
        <translation>La base de datos restaurada no tiene la cuenta {user}: el programa se cerrará; vuelva a iniciarlo e ingrese.</translation>
    </message>
    <message>
        <source>The database was restored from {file}.</source>
        <translation>La base de datos se restauró desde {file}.</translation>
    </message>
    <message>
        <source>The database as it was before is kept in {path}.</source>
        <translation>La base de datos como estaba antes se guardó en {path}.</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>Verificación de la base de datos</translation>
    </message>
    <message>
        <source>Checking every page of the database…</source>
        <translation>Verificando cada página de la base de datos…</translation>
    </message>
</context>
<context>
    <name>BatchDetail</name>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificado</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Left to deliver</source>
        <translation>Por entregar</translation>
    </message>
    <message>
        <source>Batch {code}</source>
        <translation>Lote {code}</translation>
    </message>
    <message>
        <source>Quality check</source>
        <translation>Control de calidad</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>Inspeccionado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Revisado el</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Trabajadores</translation>
    </message>
    <message>
        <source>No workers recorded yet.</source>
        <translation>Aún no se registran trabajadores.</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Interno</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Asistió</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materiales</translation>
    </message>
    <message>
        <source>No materials recorded yet.</source>
        <translation>Aún no se registran materiales.</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>Materials cost: {cost}</source>
        <translation>Costo de materiales: {cost}</translation>
    </message>
    <message>
        <source>Since {start}</source>
        <translation>Desde el {start}</translation>
    </message>
    <message>
        <source>From {start} to {end}</source>
        <translation>Del {start} al {end}</translation>
    </message>
</context>
<context>
    <name>BatchForm</name>
    <message>
        <source>Automatic (L-year-number)</source>
        <translation>Automático (L-año-número)</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Código:</translation>
    </message>
    <message>
        <source>Workshop:</source>
        <translation>Taller:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Producto:</translation>
    </message>
    <message>
        <source>Planned quantity:</source>
        <translation>Cantidad planificada:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Inicio:</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Fin:</translation>
    </message>
    <message>
        <source>For order:</source>
        <translation>Para el pedido:</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Trabajadores</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materiales</translation>
    </message>
    <message>
        <source>Save the batch first: its workers are chosen among those enrolled in its workshop during its period.</source>
        <translation>Guarde primero el lote: sus trabajadores se eligen entre los inscritos en su taller durante su periodo.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Start…</source>
        <translation>Iniciar…</translation>
    </message>
    <message>
        <source>Finish…</source>
        <translation>Terminar…</translation>
    </message>
    <message>
        <source>Correct quality check…</source>
        <translation>Corregir control de calidad…</translation>
    </message>
    <message>
        <source>Annul…</source>
        <translation>Anular…</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>Nuevo lote</translation>
    </message>
    <message>
        <source>Batch {code} — {state}</source>
        <translation>Lote {code} — {state}</translation>
    </message>
    <message>
        <source>Choose the product from the list.</source>
        <translation>Elija el producto de la lista.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Start the batch</source>
        <translation>Iniciar el lote</translation>
    </message>
    <message>
        <source>The batch will be in process from this day on.</source>
        <translation>El lote estará en proceso desde este día.</translation>
    </message>
    <message>
        <source>Started on:</source>
        <translation>Iniciado el:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Finish the batch</source>
        <translation>Terminar el lote</translation>
    </message>
    <message>
        <source>Only the accepted units can be delivered. The check can be corrected later, but accepted units can never drop below those already delivered.</source>
        <translation>Solo se entregan las unidades aceptadas. El control puede corregirse después, pero las aceptadas nunca pueden quedar por debajo de las ya entregadas.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Correct the quality check</source>
        <translation>Corregir el control de calidad</translation>
    </message>
    <message>
        <source>The correction is kept in the audit log with the old figures.</source>
        <translation>La corrección queda en la bitácora de auditoría con las cifras anteriores.</translation>
    </message>
    <message>
        <source>Save the check</source>
        <translation>Guardar el control</translation>
    </message>
    <message>
        <source>Annul the batch</source>
        <translation>Anular el lote</translation>
    </message>
    <message>
        <source>An annulled batch stays in the records with its reason, but no longer counts for orders, deliveries or hours. This cannot be undone.</source>
        <translation>Un lote anulado queda en los registros con su motivo, pero ya no cuenta para pedidos, entregas ni horas. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Interno</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Attended in the period</source>
        <translation>Asistió en el periodo</translation>
    </message>
    <message>
        <source>Add worker</source>
        <translation>Agregar trabajador</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Unit cost (S/)</source>
        <translation>Costo unitario (S/)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Add material</source>
        <translation>Agregar material</translation>
    </message>
    <message>
        <source>(no order)</source>
        <translation>(sin pedido)</translation>
    </message>
    <message>
        <source>line {n}: {quantity} {unit}, {produced} made</source>
        <translation>línea {n}: {quantity} {unit}, {produced} producidas</translation>
    </message>
    <message>
        <source>this order does not ask for the product</source>
        <translation>este pedido no incluye el producto</translation>
    </message>
    <message>
        <source>Units inspected:</source>
        <translation>Unidades inspeccionadas:</translation>
    </message>
    <message>
        <source>Units accepted (good):</source>
        <translation>Unidades aceptadas (buenas):</translation>
    </message>
    <message>
        <source>Units rejected:</source>
        <translation>Unidades rechazadas:</translation>
    </message>
    <message>
        <source>Checked by:</source>
        <translation>Revisado por:</translation>
    </message>
    <message>
        <source>Remarks:</source>
        <translation>Observaciones:</translation>
    </message>
    <message>
        <source>Day of the check:</source>
        <translation>Día del control:</translation>
    </message>
    <message>
        <source>Why (kept in the record and the audit log)</source>
        <translation>Por qué (queda en el registro y en la bitácora de auditoría)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
</context>
<context>
    <name>BatchesTable</name>
    <message>
        <source>Batch</source>
        <extracomment>The services&apos; key for &quot;the newest first&quot; (no heading shows it: the lists open in it). search(uow, actor, text=, filter=, sort=, descending=, offset=, limit=) and count(uow, actor, text=, filter=).</extracomment>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificado</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Queda</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
</context>
<context>
    <name>CandidatesTable</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Inmate code</source>
        <translation>Código de interno</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>Inscripción</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Qué falta</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Only with an exception</source>
        <translation>Solo con excepción</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Aún no</translation>
    </message>
    <message>
        <source>Every requirement is met.</source>
        <translation>Cumple todos los requisitos.</translation>
    </message>
    <message>
        <source>Missing:</source>
        <translation>Falta:</translation>
    </message>
</context>
<context>
    <name>CertificatePanel</name>
    <message>
        <source>Inmate code {code}</source>
        <translation>Código de interno {code}</translation>
    </message>
    <message>
        <source>Annulled on {day}: {reason}</source>
        <translation>Anulado el {day}: {reason}</translation>
    </message>
    <message>
        <source>Replaced on {day} by {number}: {reason}</source>
        <translation>Reemplazado el {day} por {number}: {reason}</translation>
    </message>
    <message>
        <source>Replaces certificate {number}.</source>
        <translation>Reemplaza al certificado {number}.</translation>
    </message>
    <message>
        <source>Issued with an exception: {reason}</source>
        <translation>Emitido con excepción: {reason}</translation>
    </message>
    <message>
        <source>(last on {day})</source>
        <translation>(la última el {day})</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Inmate code</source>
        <translation>Código de interno</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>Oficio</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Emitido el</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Emitido por</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <source>Book and folio</source>
        <translation>Libro y folio</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Clave de firma</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>Reimpresiones</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>Competencias</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Competencia</translation>
    </message>
    <message>
        <source>The trade lists no modules.</source>
        <translation>El oficio no tiene módulos.</translation>
    </message>
</context>
<context>
    <name>CertificateRegistry</name>
    <message>
        <source>Current</source>
        <extracomment>The sort key of every column: the service&apos;s own order.</extracomment>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Annulled</source>
        <translation>Anulado</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Reemplazado</translation>
    </message>
    <message>
        <source>Number</source>
        <extracomment>Annulled and replaced rows are drawn in these colours, so they stand out in the list.</extracomment>
        <translation>Número</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>Oficio</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitido</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
</context>
<context>
    <name>CertificateSteps</name>
    <message>
        <source>Certificate {number} (duplicate)</source>
        <translation>Certificado {number} (duplicado)</translation>
    </message>
    <message>
        <source>Annul certificate {number} of {name}?

The number stays used and is never given again. Whoever verifies the paper or its QR code will read ANULADO.

An annulled certificate cannot be made current again; to correct one, replace it instead.</source>
        <translation>¿Anular el certificado {number} de {name}?

El número queda usado y no se vuelve a asignar. Quien verifique el papel o su código QR leerá ANULADO.

Un certificado anulado no puede volver a estar vigente; para corregir uno, reemplácelo.</translation>
    </message>
    <message>
        <source>Annul certificate</source>
        <translation>Anular certificado</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Annulled on:</source>
        <translation>Anulado el:</translation>
    </message>
    <message>
        <source>Certificate {number} of {name}. Write why it is annulled.</source>
        <translation>Certificado {number} de {name}. Escriba por qué se anula.</translation>
    </message>
    <message>
        <source>Annul</source>
        <translation>Anular</translation>
    </message>
    <message>
        <source>Issue date:</source>
        <translation>Fecha de emisión:</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>Frase de la clave:</translation>
    </message>
    <message>
        <source>Certificate {number} of {name} becomes REPLACED and a new certificate, with a new number, is issued from the current records (a corrected name or document prints on it). Verifying the old paper will name the new number. The passphrase is not kept.</source>
        <translation>El certificado {number} de {name} pasa a REEMPLAZADO y se emite uno nuevo, con nuevo número, a partir de los registros actuales (un nombre o documento corregido se imprime en él). Al verificar el papel antiguo se indicará el nuevo número. La frase de la clave no se guarda.</translation>
    </message>
    <message>
        <source>Replace certificate</source>
        <translation>Reemplazar certificado</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Certificate {old} was replaced by certificate {new}.</source>
        <translation>El certificado {old} fue reemplazado por el certificado {new}.</translation>
    </message>
    <message>
        <source>Certificate {number}</source>
        <translation>Certificado {number}</translation>
    </message>
</context>
<context>
    <name>CertificatesView</name>
    <message>
        <source>Select a certificate to see it.</source>
        <translation>Seleccione un certificado para verlo.</translation>
    </message>
    <message>
        <source>Search by number, name, document or inmate code</source>
        <translation>Buscar por número, nombre, documento o código de interno</translation>
    </message>
    <message>
        <source>Issue certificates…</source>
        <translation>Emitir certificados…</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reimprimir</translation>
    </message>
    <message>
        <source>Print again, marked DUPLICADO with today&apos;s date</source>
        <translation>Imprimir de nuevo, marcado DUPLICADO con la fecha de hoy</translation>
    </message>
    <message>
        <source>Annul…</source>
        <translation>Anular…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Reemplazar…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Todos los años</translation>
    </message>
    <message>
        <source>All workshops</source>
        <translation>Todos los talleres</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filtrar:</translation>
    </message>
</context>
<context>
    <name>ClientDetail</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Ubigeo</source>
        <translation>Ubigeo</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Convenios</translation>
    </message>
    <message>
        <source>No agreements.</source>
        <translation>Sin convenios.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>State today</source>
        <translation>Estado hoy</translation>
    </message>
</context>
<context>
    <name>ClientsTable</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>Select a client to see his record.</source>
        <translation>Seleccione un cliente para ver su ficha.</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Search by name or document</source>
        <translation>Buscar por nombre o documento</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>Nuevo cliente…</translation>
    </message>
    <message>
        <source>{code} (no agreement ever)</source>
        <translation>{code} (nunca tuvo convenio)</translation>
    </message>
    <message>
        <source>{code} ({number} ended {day})</source>
        <translation>{code} ({number} terminó el {day})</translation>
    </message>
    <message>
        <source>Partner-run workshops with no agreement in force today: {list}</source>
        <translation>Talleres de empresa sin convenio vigente hoy: {list}</translation>
    </message>
    <message>
        <source>and {count} more.</source>
        <translation>y {count} más.</translation>
    </message>
</context>
<context>
    <name>CommerceList</name>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nuevo…</translation>
    </message>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation>Nuevo registro (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
</context>
<context>
    <name>CompetenciesPanel</name>
    <message>
        <source>New competency…</source>
        <translation>Nueva competencia…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Trade:</source>
        <translation>Oficio:</translation>
    </message>
</context>
<context>
    <name>CompetencyForm</name>
    <message>
        <source>New competency</source>
        <translation>Nueva competencia</translation>
    </message>
    <message>
        <source>Competency {code}</source>
        <translation>Competencia {code}</translation>
    </message>
    <message>
        <source>after the last</source>
        <translation>después de la última</translation>
    </message>
    <message>
        <source>A certificate needs it passed</source>
        <translation>El certificado exige aprobarla</translation>
    </message>
    <message>
        <source>Still taught</source>
        <translation>Se sigue dictando</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Código:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Horas:</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Orden:</translation>
    </message>
</context>
<context>
    <name>CompetencyList</name>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoria</translation>
    </message>
    <message>
        <source>Taught</source>
        <translation>Se dicta</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/aaaa</translation>
    </message>
    <message>
        <source>Write the date as dd/mm/yyyy, e.g. 30/11/2026.</source>
        <translation>Escriba la fecha como dd/mm/aaaa, p. ej. 30/11/2026.</translation>
    </message>
</context>
<context>
    <name>DeliveriesTable</name>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>DeliveriesView</name>
    <message>
        <source>Select a delivery note to see it.</source>
        <translation>Seleccione una nota de entrega para verla.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Search by number or client</source>
        <translation>Buscar por número o cliente</translation>
    </message>
    <message>
        <source>New note…</source>
        <translation>Nueva nota…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Preview, print or save (Ctrl+P)</source>
        <translation>Vista previa, imprimir o guardar (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>DeliveryDetail</name>
    <message>
        <source>{mode}: plate {plate}, driver {driver}</source>
        <translation>{mode}: placa {plate}, conductor {driver}</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Fecha de emisión</translation>
    </message>
    <message>
        <source>Transfer starts</source>
        <translation>Inicio del traslado</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Convenio</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Partida</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Gross weight</source>
        <translation>Peso bruto</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Bultos</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impresiones</translation>
    </message>
    <message>
        <source>Draft (no number yet)</source>
        <translation>Borrador (aún sin número)</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Bienes</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Received on {day} by {name} ({doc}).</source>
        <translation>Recibida el {day} por {name} ({doc}).</translation>
    </message>
    <message>
        <source>Annulled on {day}: {reason}</source>
        <translation>Anulada el {day}: {reason}</translation>
    </message>
</context>
<context>
    <name>DeliveryForm</name>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>Delivery note {number} (copy)</source>
        <translation>Nota de entrega {number} (copia)</translation>
    </message>
    <message>
        <source>Delivery note {number}</source>
        <translation>Nota de entrega {number}</translation>
    </message>
    <message>
        <source>Issue this delivery note?

It gets the next number of series {series}; a number once given is never reused. Its {units} units ({lines} lines) leave their batches now.

If it must be undone later, annul the note: the number stays used (the note prints ANULADA) and the units go back to their batches.</source>
        <translation>¿Emitir esta nota de entrega?

Recibirá el siguiente número de la serie {series}; un número asignado no se vuelve a usar. Sus {units} unidades ({lines} líneas) salen ahora de sus lotes.

Si luego hay que deshacerla, anule la nota: el número queda usado (la nota se imprime ANULADA) y las unidades vuelven a sus lotes.</translation>
    </message>
    <message>
        <source>Annul delivery note {number}?

The note stays in the records and keeps its number, which is not given again; it prints ANULADA. Its {units} units go back to their batches and can be delivered on another note.

An annulled note cannot be issued again.</source>
        <translation>¿Anular la nota de entrega {number}?

La nota queda en los registros y conserva su número, que no se vuelve a asignar; se imprime ANULADA. Sus {units} unidades vuelven a sus lotes y pueden entregarse en otra nota.

Una nota anulada no puede emitirse de nuevo.</translation>
    </message>
    <message>
        <source>Delete this draft?

It has no number yet, so no gap is left in the series, and no units were taken from the batches. The deletion cannot be undone.</source>
        <translation>¿Eliminar este borrador?

Aún no tiene número, así que no queda un salto en la serie, y no tomó unidades de los lotes. La eliminación no se puede deshacer.</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Guardar borrador</translation>
    </message>
    <message>
        <source>Issue…</source>
        <translation>Emitir…</translation>
    </message>
    <message>
        <source>Record receipt…</source>
        <translation>Registrar recepción…</translation>
    </message>
    <message>
        <source>Annul…</source>
        <translation>Anular…</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>Eliminar borrador…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Preview, print or save (Ctrl+P)</source>
        <translation>Vista previa, imprimir o guardar (Ctrl+P)</translation>
    </message>
    <message>
        <source>New delivery note (draft)</source>
        <translation>Nueva nota de entrega (borrador)</translation>
    </message>
    <message>
        <source>Delivery note — draft, not numbered yet</source>
        <translation>Nota de entrega — borrador, aún sin número</translation>
    </message>
    <message>
        <source>Delivery note {number} — {state}</source>
        <translation>Nota de entrega {number} — {state}</translation>
    </message>
    <message>
        <source>A draft takes no units and has no number: both come when it is issued.</source>
        <translation>Un borrador no toma unidades ni tiene número: ambos llegan al emitirlo.</translation>
    </message>
    <message>
        <source>Issued on {day}.</source>
        <translation>Emitida el {day}.</translation>
    </message>
    <message>
        <source>Received on {day} by {name} ({doc}).</source>
        <translation>Recibida el {day} por {name} ({doc}).</translation>
    </message>
    <message>
        <source>Annulled on {day}: {reason}</source>
        <translation>Anulada el {day}: {reason}</translation>
    </message>
    <message>
        <source>Printed {count} times.</source>
        <translation>Impresa {count} veces.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Borrador guardado.</translation>
    </message>
    <message>
        <source>Issue the note</source>
        <translation>Emitir la nota</translation>
    </message>
    <message>
        <source>Issued as {number}.</source>
        <translation>Emitida como {number}.</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>Recibido por:</translation>
    </message>
    <message>
        <source>His document (DNI …):</source>
        <translation>Su documento (DNI …):</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>Recibido el:</translation>
    </message>
    <message>
        <source>Copy what the client wrote on the signed note. A received note can still be annulled if the goods come back.</source>
        <translation>Copie lo que el cliente escribió en la nota firmada. Una nota recibida aún puede anularse si la mercadería vuelve.</translation>
    </message>
    <message>
        <source>Record the receipt of {number}</source>
        <translation>Registrar la recepción de {number}</translation>
    </message>
    <message>
        <source>Record receipt</source>
        <translation>Registrar recepción</translation>
    </message>
    <message>
        <source>Annul the note</source>
        <translation>Anular la nota</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Annulled on:</source>
        <translation>Anulada el:</translation>
    </message>
    <message>
        <source>The reason is printed on the note and kept in the log.</source>
        <translation>El motivo se imprime en la nota y queda en la bitácora.</translation>
    </message>
    <message>
        <source>Annul {number}</source>
        <translation>Anular {number}</translation>
    </message>
    <message>
        <source>Delete the draft</source>
        <translation>Eliminar el borrador</translation>
    </message>
    <message>
        <source>Recipient and transfer</source>
        <translation>Destinatario y traslado</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <source>Issue date:</source>
        <translation>Fecha de emisión:</translation>
    </message>
    <message>
        <source>Transfer starts:</source>
        <translation>Inicio del traslado:</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Pedido:</translation>
    </message>
    <message>
        <source>Agreement:</source>
        <translation>Convenio:</translation>
    </message>
    <message>
        <source>Dispatched by:</source>
        <translation>Despachado por:</translation>
    </message>
    <message>
        <source>Addresses and transport</source>
        <translation>Direcciones y transporte</translation>
    </message>
    <message>
        <source>Departure:</source>
        <translation>Punto de partida:</translation>
    </message>
    <message>
        <source>Empty: the establishment&apos;s address</source>
        <translation>Vacío: la dirección del establecimiento</translation>
    </message>
    <message>
        <source>Its ubigeo:</source>
        <translation>Su ubigeo:</translation>
    </message>
    <message>
        <source>Empty: the establishment&apos;s</source>
        <translation>Vacío: el del establecimiento</translation>
    </message>
    <message>
        <source>Arrival:</source>
        <translation>Punto de llegada:</translation>
    </message>
    <message>
        <source>Empty: the client&apos;s address</source>
        <translation>Vacío: la dirección del cliente</translation>
    </message>
    <message>
        <source>Empty: the client&apos;s</source>
        <translation>Vacío: el del cliente</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transporte:</translation>
    </message>
    <message>
        <source>Carrier&apos;s RUC:</source>
        <translation>RUC del transportista:</translation>
    </message>
    <message>
        <source>Carrier:</source>
        <translation>Transportista:</translation>
    </message>
    <message>
        <source>Vehicle plate:</source>
        <translation>Placa del vehículo:</translation>
    </message>
    <message>
        <source>Driver:</source>
        <translation>Conductor:</translation>
    </message>
    <message>
        <source>Driver&apos;s licence:</source>
        <translation>Licencia del conductor:</translation>
    </message>
    <message>
        <source>Goods (from finished batches with units left)</source>
        <translation>Bienes (de lotes terminados con unidades disponibles)</translation>
    </message>
    <message>
        <source>Gross weight (kg):</source>
        <translation>Peso bruto (kg):</translation>
    </message>
    <message>
        <source>Packages:</source>
        <translation>Bultos:</translation>
    </message>
    <message>
        <source>Observations:</source>
        <translation>Observaciones:</translation>
    </message>
    <message>
        <source>(no order)</source>
        <translation>(sin pedido)</translation>
    </message>
    <message>
        <source>(none; the order&apos;s, if any)</source>
        <translation>(ninguno; el del pedido, si lo hay)</translation>
    </message>
    <message>
        <source>{kg} (computed)</source>
        <translation>{kg} (calculado)</translation>
    </message>
    <message>
        <source>Choose the client from the list.</source>
        <translation>Elija el cliente de la lista.</translation>
    </message>
    <message>
        <source>{code} — {product} · {left} {unit} left</source>
        <translation>{code} — {product} · quedan {left} {unit}</translation>
    </message>
    <message>
        <source>Batch</source>
        <extracomment>The computed gross weight changed (kg, 3 decimals).</extracomment>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Left now</source>
        <translation>Queda ahora</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Agregar línea</translation>
    </message>
</context>
<context>
    <name>DeliveryState</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitida</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>Annulled</source>
        <translation>Anulada</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol in a workshop</source>
        <translation>Matricular en taller</translation>
    </message>
    <message>
        <source>{taken} of {capacity} places taken</source>
        <translation>{taken} de {capacity} plazas ocupadas</translation>
    </message>
    <message>
        <source>Workshop:</source>
        <translation>Taller:</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>Fecha de inicio:</translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation>Nota (opcional):</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <source>This database is new. Four steps set it up: the establishment it serves, the institution, who signs the certificates, and the first administrator.</source>
        <translation>Esta base de datos es nueva. Cuatro pasos la configuran: el establecimiento al que sirve, la institución, quiénes firman los certificados y el primer administrador.</translation>
    </message>
    <message>
        <source>All (regional office or headquarters)</source>
        <translation>Todos (oficina regional o sede central)</translation>
    </message>
    <message>
        <source>Establishment served:</source>
        <translation>Establecimiento atendido:</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institución</translation>
    </message>
    <message>
        <source>Printed at the head of every document. INPE is becoming SUNIR: choose the name in force.</source>
        <translation>Se imprime en el encabezado de cada documento. El INPE pasa a ser SUNIR: elija el nombre vigente.</translation>
    </message>
    <message>
        <source>None (PNG or JPEG file)</source>
        <translation>Ninguno (archivo PNG o JPEG)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Predefinido:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Acronym:</source>
        <translation>Siglas:</translation>
    </message>
    <message>
        <source>RUC:</source>
        <translation>RUC:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logotipo:</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Firmas</translation>
    </message>
    <message>
        <source>The names and titles printed under the signature lines of certificates. They can be completed later in Settings.</source>
        <translation>Los nombres y cargos que se imprimen bajo las líneas de firma de los certificados. Pueden completarse después en Configuración.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombres y apellidos</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>Primer administrador</translation>
    </message>
    <message>
        <source>The administrator creates the other users and changes the settings. Keep the password somewhere safe.</source>
        <translation>El administrador crea a los demás usuarios y cambia la configuración. Guarde la contraseña en un lugar seguro.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Nombres y apellidos:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Repítala:</translation>
    </message>
    <message>
        <source>Setting up the program</source>
        <translation>Configuración inicial del programa</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Elegir el logotipo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import trainees</source>
        <translation>Importar internos</translation>
    </message>
    <message>
        <source>An .xlsx or .csv file</source>
        <translation>Un archivo .xlsx o .csv</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <source>As the file or the settings say</source>
        <translation>Según el archivo o la configuración</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Establishment of rows without one:</source>
        <translation>Establecimiento de las filas que no lo indican:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>Elija el archivo que desea importar.</translation>
    </message>
    <message>
        <source>Columns not recognised</source>
        <translation>Columnas no reconocidas</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Leyendo {file}…</translation>
    </message>
    <message>
        <source>{file}: {rows} rows read, {valid} without errors; {errors} errors, {warnings} warnings.</source>
        <translation>{file}: {rows} filas leídas, {valid} sin errores; {errors} errores, {warnings} avisos.</translation>
    </message>
    <message>
        <source>The file can be imported.</source>
        <translation>El archivo se puede importar.</translation>
    </message>
    <message>
        <source>Correct the errors in the file and read it again.</source>
        <translation>Corrija los errores en el archivo y vuelva a leerlo.</translation>
    </message>
    <message>
        <source>(ignore the column)</source>
        <translation>(ignorar la columna)</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Cancelado; no se guardó nada.</translation>
    </message>
    <message>
        <source>Import {count} trainees from {file}? All of them are written, or none.</source>
        <translation>¿Importar {count} internos de {file}? Se guardan todos o ninguno.</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Importando {file}…</translation>
    </message>
    <message>
        <source>{count} trainees were imported from {file}.</source>
        <translation>Se importaron {count} internos de {file}.</translation>
    </message>
    <message>
        <source>Choose the file of trainees</source>
        <translation>Elija el archivo de internos</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Hojas de cálculo (*.xlsx *.csv)</translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Issue certificates</source>
        <extracomment>A batch ended (issued, or cancelled with nothing kept); carries its result. The certificates printed: carries the PDF bytes or the list of files.</extracomment>
        <translation>Emitir certificados</translation>
    </message>
    <message>
        <source>Workshop:</source>
        <translation>Taller:</translation>
    </message>
    <message>
        <source>Issue date:</source>
        <translation>Fecha de emisión:</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>Marcar todos</translation>
    </message>
    <message>
        <source>Check none</source>
        <translation>Desmarcar todos</translation>
    </message>
    <message>
        <source>Record assessment…</source>
        <translation>Registrar evaluación…</translation>
    </message>
    <message>
        <source>Issue with an exception…</source>
        <translation>Emitir con excepción…</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Imprimir de nuevo</translation>
    </message>
    <message>
        <source>Print the certificates of the last batch again (originals)</source>
        <translation>Imprimir de nuevo los certificados del último lote (originales)</translation>
    </message>
    <message>
        <source>Issue…</source>
        <translation>Emitir…</translation>
    </message>
    <message>
        <source>Choose the workshop.</source>
        <translation>Elija el taller.</translation>
    </message>
    <message>
        <source>Issue {count}…</source>
        <translation>Emitir {count}…</translation>
    </message>
    <message>
        <source>{count} candidates: {ready} ready, {exception} only with an exception, {other} not yet. Point at a row to read what is missing.</source>
        <translation>{count} candidatos: {ready} listos, {exception} solo con excepción, {other} aún no. Señale una fila para leer qué falta.</translation>
    </message>
    <message>
        <source>{count} certificates will be numbered and signed with the key of the establishment. Type its passphrase.</source>
        <translation>Se numerarán y firmarán {count} certificados con la clave del establecimiento. Escriba su frase.</translation>
    </message>
    <message>
        <source>Issuing certificates</source>
        <translation>Emitiendo certificados</translation>
    </message>
    <message>
        <source>Issuing {count} certificates…</source>
        <translation>Emitiendo {count} certificados…</translation>
    </message>
    <message>
        <source>The batch is one transaction: Cancel undoes all of it. No certificate is issued and no number is used.</source>
        <translation>El lote es una sola transacción: Cancelar lo deshace entero. No se emite ningún certificado ni se usa ningún número.</translation>
    </message>
    <message>
        <source>Cancelled: no certificate was issued and no number was used.</source>
        <translation>Cancelado: no se emitió ningún certificado ni se usó ningún número.</translation>
    </message>
    <message>
        <source>{count} certificates issued: {first} … {last}.</source>
        <translation>{count} certificados emitidos: {first} … {last}.</translation>
    </message>
    <message>
        <source>Not issued to {name}: {reasons}</source>
        <translation>No se emitió a {name}: {reasons}</translation>
    </message>
    <message>
        <source>Nothing was issued.</source>
        <translation>No se emitió nada.</translation>
    </message>
    <message>
        <source>Issue with an exception</source>
        <translation>Emitir con excepción</translation>
    </message>
    <message>
        <source>The enrolment of {name} is not culminated. Hours and competencies are complete, so the certificate may be issued with a written reason, which stays in its record. Type the reason and the key&apos;s passphrase (not kept).</source>
        <translation>La inscripción de {name} no está culminada. Las horas y competencias están completas, así que el certificado puede emitirse con un motivo escrito, que queda en su registro. Escriba el motivo y la frase de la clave (no se guarda).</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>Frase de la clave:</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Emitir</translation>
    </message>
    <message>
        <source>Certificate {number} issued to {name}.</source>
        <translation>Certificado {number} emitido a {name}.</translation>
    </message>
    <message>
        <source>{workshop} (enrolment of {start})</source>
        <translation>{workshop} (inscripción del {start})</translation>
    </message>
    <message>
        <source>certificates.pdf</source>
        <translation>certificados.pdf</translation>
    </message>
    <message>
        <source>Certificates issued</source>
        <translation>Certificados emitidos</translation>
    </message>
    <message>
        <source>Certificates printed</source>
        <translation>Certificados impresos</translation>
    </message>
    <message>
        <source>{count} files written to {folder}.</source>
        <translation>{count} archivos guardados en {folder}.</translation>
    </message>
    <message>
        <source>Printing cancelled; no file was written. The certificates are issued: use «Print again».</source>
        <translation>Impresión cancelada; no se guardó ningún archivo. Los certificados están emitidos: use «Imprimir de nuevo».</translation>
    </message>
</context>
<context>
    <name>IssueOutput</name>
    <message>
        <source>One PDF to check and print</source>
        <translation>Un PDF para revisar e imprimir</translation>
    </message>
    <message>
        <source>One file per person, in:</source>
        <translation>Un archivo por persona, en:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>File name; the fields {number}, {surnames}, {names} and {inmate_code} are replaced.</source>
        <translation>Nombre del archivo; se reemplazan los campos {number}, {surnames}, {names} e {inmate_code}.</translation>
    </message>
    <message>
        <source>Folder for the certificates</source>
        <translation>Carpeta para los certificados</translation>
    </message>
    <message>
        <source>Printing certificates</source>
        <translation>Imprimiendo certificados</translation>
    </message>
    <message>
        <source>Printing {count} certificates…</source>
        <translation>Imprimiendo {count} certificados…</translation>
    </message>
    <message>
        <source>Cancel stops the printing and writes no file. The certificates stay issued; print them again from this window.</source>
        <translation>Cancelar detiene la impresión y no guarda ningún archivo. Los certificados siguen emitidos; imprímalos de nuevo desde esta ventana.</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>%v of %m</source>
        <translation>%v de %m</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>KeysTable</name>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation>Establecimiento</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válida desde</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Válida hasta</translation>
    </message>
    <message>
        <source>Signs here</source>
        <translation>Firma aquí</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Sign in to go on.</source>
        <extracomment>Longest wait for the first page before a screenshot is taken anyway. The variable naming the file where the frame is saved once shown (benchmarks). Opens the database over the shown window: the start, or the exit code when it stops.</extracomment>
        <translation>Inicie sesión para continuar.</translation>
    </message>
    <message>
        <source>The database failed its start-up check ({detail}). The program will close; open it again to restore the newest good backup.</source>
        <translation>La base de datos no pasó la verificación de inicio ({detail}). El programa se cerrará; ábralo de nuevo para restaurar la copia de seguridad más reciente.</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Remove line</source>
        <extracomment>A row was added or removed.</extracomment>
        <translation>Quitar línea</translation>
    </message>
    <message>
        <source>Line {number}: {message}</source>
        <translation>Línea {number}: {message}</translation>
    </message>
</context>
<context>
    <name>ListView</name>
    <message>
        <source>Search by name, document or code</source>
        <translation>Buscar por nombre, documento o código</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Results: {count}</source>
        <translation>Resultados: {count}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Session locked</source>
        <extracomment>The right password was typed. The user chose to quit instead.</extracomment>
        <translation>Sesión bloqueada</translation>
    </message>
    <message>
        <source>The records are hidden. {name} ({user}), type your password to go on.</source>
        <translation>Los registros están ocultos. {name} ({user}), escriba su contraseña para continuar.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Quit the program</source>
        <translation>Salir del programa</translation>
    </message>
    <message>
        <source>Someone else? Quit the program and sign in with your own account.</source>
        <translation>¿Es otra persona? Salga del programa e ingrese con su propia cuenta.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Ingresar</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Demo database: users admin, jefe, supervisor and consulta, password demo.</source>
        <translation>Base de datos de demostración: usuarios admin, jefe, supervisor y consulta, contraseña demo.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>READ-ONLY</source>
        <extracomment>How often the window tells the instance lock it is alive (other computers wait hours). How often the window asks whether an automatic backup is due.</extracomment>
        <translation>SOLO LECTURA</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Copia de seguridad &amp;ahora</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurar copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Verify the database</source>
        <translation>&amp;Verificar base de datos</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Cambiar &amp;contraseña…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>Base de datos: {where}</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>Usuario: {name} ({role})</translation>
    </message>
    <message>
        <source>Read-only: another computer is using this database</source>
        <translation>Solo lectura: otra computadora está usando esta base de datos</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Contraseña cambiada.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>{product}, version {version}.
Records of the productive workshops of Peru&apos;s prisons: trainees, attendance, production, deliveries and certificates.</source>
        <translation>{product}, versión {version}.
Registro de los talleres productivos de los establecimientos penitenciarios del Perú: internos, asistencia, producción, entregas y certificados.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot use the database</source>
        <translation>No se puede usar la base de datos</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>No se puede realizar</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect ({detail}). The details are in the log file; no saved data was lost.</source>
        <translation>Ocurrió algo que el programa no esperaba ({detail}). El detalle está en el archivo de registro; no se perdió ningún dato guardado.</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <source>Previous month</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mes siguiente</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <source>overdue</source>
        <translation>vencido</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Ordered on</source>
        <translation>Fecha del pedido</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Convenio</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>Producido</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Precio unitario</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>En producción</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>Producido</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Agregar línea</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <source>Establishment:</source>
        <translation>Establecimiento:</translation>
    </message>
    <message>
        <source>Ordered on:</source>
        <translation>Fecha del pedido:</translation>
    </message>
    <message>
        <source>Due on:</source>
        <translation>Fecha de entrega:</translation>
    </message>
    <message>
        <source>Agreement:</source>
        <translation>Convenio:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Annul order…</source>
        <translation>Anular pedido…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Nuevo pedido</translation>
    </message>
    <message>
        <source>Order {number} — {state}</source>
        <translation>Pedido {number} — {state}</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Total: {amount}</translation>
    </message>
    <message>
        <source>Choose the client from the list.</source>
        <translation>Elija el cliente de la lista.</translation>
    </message>
    <message>
        <source>An annulled order stays in the records but can no longer change or be delivered. Its batches stay, free for other clients. This cannot be undone.</source>
        <translation>Un pedido anulado queda en los registros, pero ya no puede cambiar ni entregarse. Sus lotes quedan libres para otros clientes. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Annul the order</source>
        <translation>Anular el pedido</translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Pedido el</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <source>Select an order to see its lines.</source>
        <translation>Seleccione un pedido para ver sus líneas.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Search by number or client</source>
        <translation>Buscar por número o cliente</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>Nuevo pedido…</translation>
    </message>
</context>
<context>
    <name>PanelTable</name>
    <message>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <source>Working today</source>
        <translation>Trabajan hoy</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrados</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Faltan</translation>
    </message>
    <message>
        <source>Hours this month</source>
        <translation>Horas del mes</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Entrega</translation>
    </message>
</context>
<context>
    <name>PanelView</name>
    <message>
        <source>overdue</source>
        <translation>vencido</translation>
    </message>
    <message>
        <source>Hours recorded this month</source>
        <translation>Horas registradas este mes</translation>
    </message>
    <message>
        <source>Orders overdue or due within a week</source>
        <translation>Pedidos vencidos o por vencer en una semana</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Leyendo las cifras…</translation>
    </message>
    <message>
        <source>workshops not recorded today</source>
        <translation>talleres sin asistencia de hoy</translation>
    </message>
    <message>
        <source>orders overdue or due soon</source>
        <translation>pedidos vencidos o por vencer</translation>
    </message>
    <message>
        <source>delivery notes not received</source>
        <translation>notas de entrega sin recibir</translation>
    </message>
    <message>
        <source>Issued and not yet received; {drafts} drafts not issued.</source>
        <translation>Emitidas y aún sin recibir; {drafts} borradores sin emitir.</translation>
    </message>
    <message>
        <source>culminated without a certificate</source>
        <translation>culminados sin certificado</translation>
    </message>
    <message>
        <source>Panel — {day}</source>
        <translation>Panel — {day}</translation>
    </message>
    <message>
        <source>Holiday: {name}. No attendance is expected today.</source>
        <translation>Feriado: {name}. Hoy no se espera asistencia.</translation>
    </message>
    <message>
        <source>Sunday: no attendance is expected today.</source>
        <translation>Domingo: hoy no se espera asistencia.</translation>
    </message>
    <message>
        <source>Working day: every active trainee&apos;s attendance is expected.</source>
        <translation>Día laborable: se espera la asistencia de cada interno activo.</translation>
    </message>
</context>
<context>
    <name>PartnerForm</name>
    <message>
        <source>Client or partner</source>
        <translation>Cliente o socio</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Convenios</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Documento:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Número:</translation>
    </message>
    <message>
        <source>Name or business name:</source>
        <translation>Nombre o razón social:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Ubigeo:</source>
        <translation>Ubigeo:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Contacto:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Correo:</translation>
    </message>
    <message>
        <source>Offered in the forms (not retired)</source>
        <translation>Se ofrece en los formularios (no retirado)</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>Activo:</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>State today</source>
        <translation>Estado hoy</translation>
    </message>
    <message>
        <source>New agreement…</source>
        <translation>Nuevo convenio…</translation>
    </message>
    <message>
        <source>Open agreement…</source>
        <translation>Abrir convenio…</translation>
    </message>
    <message>
        <source>Agreements ({count})</source>
        <translation>Convenios ({count})</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Backup passphrase</source>
        <translation>Frase de paso de las copias</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de paso:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Repítala:</translation>
    </message>
    <message>
        <source>The program does not keep it: it is asked again after a restart. Whoever loses it cannot open the encrypted backups.</source>
        <translation>El programa no la guarda: la volverá a pedir después de reiniciarse. Quien la pierda no podrá abrir las copias cifradas.</translation>
    </message>
    <message>
        <source>The passphrase must have at least {count} characters.</source>
        <translation>La frase de paso debe tener al menos {count} caracteres.</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Escriba la frase de paso.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases de paso no son iguales.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no son iguales.</translation>
    </message>
    <message>
        <source>At least {minimum} characters; not your user name nor an obvious one.</source>
        <translation>Al menos {minimum} caracteres; ni su nombre de usuario ni una obvia.</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Contraseña nueva:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Repítala:</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Contraseña actual:</translation>
    </message>
    <message>
        <source>{user}, an administrator set your password. Choose your own before going on.</source>
        <translation>{user}, un administrador asignó su contraseña. Elija la suya antes de continuar.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>New password for {user}. A lockout after failed attempts is cleared too.</source>
        <translation>Contraseña nueva para {user}. También se levanta el bloqueo por intentos fallidos.</translation>
    </message>
    <message>
        <source>The user must choose his own at the next sign-in</source>
        <translation>El usuario deberá elegir la suya al ingresar la próxima vez</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>of {count}</source>
        <translation>de {count}</translation>
    </message>
    <message>
        <source>The document could not be shown.</source>
        <translation>No se pudo mostrar el documento.</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>{count} pages sent to the printer.</source>
        <translation>{count} páginas enviadas a la impresora.</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Guardado en {path}.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>No se puede guardar</translation>
    </message>
    <message>
        <source>The file {path} could not be written: {reason}</source>
        <translation>No se pudo escribir el archivo {path}: {reason}</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Guardar el PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Redemption record</source>
        <translation>Constancia de redención</translation>
    </message>
    <message>
        <source>Days and hours worked by {name}, with the estimated days redeemed (an estimate, not the official computation).</source>
        <translation>Días y horas trabajados por {name}, con los días redimidos estimados (una estimación, no el cómputo oficial).</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
</context>
<context>
    <name>PersonalDataExport</name>
    <message>
        <source>Export personal data</source>
        <translation>Exportar datos personales</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>The file {path} could not be written: {reason}</source>
        <translation>No se pudo escribir el archivo {path}: {reason}</translation>
    </message>
    <message>
        <source>The data were saved in {path}. The export is in the audit log.</source>
        <translation>Los datos se guardaron en {path}. La exportación consta en el registro de auditoría.</translation>
    </message>
</context>
<context>
    <name>ProductDetail</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Unit (SUNAT)</source>
        <translation>Unidad (SUNAT)</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>Precio de lista</translation>
    </message>
    <message>
        <source>Weight of one unit</source>
        <translation>Peso de una unidad</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>Oficio</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>New product</source>
        <translation>Nuevo producto</translation>
    </message>
    <message>
        <source>Product {code}</source>
        <translation>Producto {code}</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Código:</translation>
    </message>
    <message>
        <source>Name (as printed):</source>
        <translation>Nombre (como se imprime):</translation>
    </message>
    <message>
        <source>Unit (SUNAT):</source>
        <translation>Unidad (SUNAT):</translation>
    </message>
    <message>
        <source>List price (S/):</source>
        <translation>Precio de lista (S/):</translation>
    </message>
    <message>
        <source>(any trade)</source>
        <translation>(cualquier oficio)</translation>
    </message>
    <message>
        <source>Trade:</source>
        <translation>Oficio:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Weight of one unit (kg):</source>
        <translation>Peso de una unidad (kg):</translation>
    </message>
    <message>
        <source>Offered in the forms (not retired)</source>
        <translation>Se ofrece en los formularios (no retirado)</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>Activo:</translation>
    </message>
</context>
<context>
    <name>ProductionView</name>
    <message>
        <source>Select a batch to see its record.</source>
        <translation>Seleccione un lote para ver su ficha.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Search by batch code or product</source>
        <translation>Buscar por código de lote o producto</translation>
    </message>
    <message>
        <source>New batch…</source>
        <translation>Nuevo lote…</translation>
    </message>
</context>
<context>
    <name>ProductsTable</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Peso (kg)</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>Oficio</translation>
    </message>
</context>
<context>
    <name>ProductsView</name>
    <message>
        <source>Select a product to see it.</source>
        <translation>Seleccione un producto para verlo.</translation>
    </message>
    <message>
        <source>Trade:</source>
        <translation>Oficio:</translation>
    </message>
    <message>
        <source>Search by name or code</source>
        <translation>Buscar por nombre o código</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>Nuevo producto…</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Monthly workshop report…</source>
        <extracomment>Renders a document: (unit of work, actor, workshop, year, month, today=) -&gt; PDF.</extracomment>
        <translation>Informe mensual del taller…</translation>
    </message>
    <message>
        <source>Attendance planilla…</source>
        <translation>Planilla de control laboral…</translation>
    </message>
    <message>
        <source>Reports of a workshop&apos;s month</source>
        <translation>Reportes del mes de un taller</translation>
    </message>
    <message>
        <source>Workshop:</source>
        <translation>Taller:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Mes:</translation>
    </message>
    <message>
        <source>Trainees with their days, valid days and hours; the production batches with work in the month; the delivery notes issued with its goods; the month&apos;s pay split 70/20/10. Signed by the workshop&apos;s supervisor and the head of work.</source>
        <translation>Internos con sus días, días válidos y horas; los lotes de producción con trabajo en el mes; las notas de entrega emitidas con sus bienes; la retribución del mes repartida 70/20/10. Lo firman el supervisor del taller y el jefe de trabajo.</translation>
    </message>
    <message>
        <source>Every trainee&apos;s day of the month, as the Asistencia sheet holds it, for the supervisor, the head of work and the director to sign.</source>
        <translation>Cada día del mes de cada interno, tal como lo tiene la hoja de Asistencia, para la firma del supervisor, el jefe de trabajo y el director.</translation>
    </message>
    <message>
        <source>Monthly report of {workshop}, {month}</source>
        <translation>Informe mensual de {workshop}, {month}</translation>
    </message>
    <message>
        <source>Planilla of {workshop}, {month}</source>
        <translation>Planilla de {workshop}, {month}</translation>
    </message>
    <message>
        <source>Choose a workshop first.</source>
        <translation>Elija primero un taller.</translation>
    </message>
    <message>
        <source>You have no workshop to report on.</source>
        <translation>No tiene talleres de los que informar.</translation>
    </message>
</context>
<context>
    <name>SearchCombo</name>
    <message>
        <source>Type to search…</source>
        <translation>Escriba para buscar…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Only an administrator may change the settings.</source>
        <translation>Solo un administrador puede cambiar la configuración.</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institución</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Institución predefinida:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Acronym:</source>
        <translation>Siglas:</translation>
    </message>
    <message>
        <source>RUC:</source>
        <translation>RUC:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logotipo:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>All (regional office or headquarters)</source>
        <translation>Todos (oficina regional o sede central)</translation>
    </message>
    <message>
        <source>Establishment served:</source>
        <translation>Establecimiento atendido:</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Firmas</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Title printed under the line</source>
        <translation>Cargo impreso bajo la línea</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>Certificados:</translation>
    </message>
    <message>
        <source>Work and pay</source>
        <translation>Trabajo y pagos</translation>
    </message>
    <message>
        <source>Daily hour limit:</source>
        <translation>Límite de horas por día:</translation>
    </message>
    <message>
        <source>Hours that make a valid work day:</source>
        <translation>Horas para un día de trabajo válido:</translation>
    </message>
    <message>
        <source>Pass grade (0–20):</source>
        <translation>Nota aprobatoria (0–20):</translation>
    </message>
    <message>
        <source>Reparation share when none is owed:</source>
        <translation>Parte de reparación si no se debe:</translation>
    </message>
    <message>
        <source>Minimum wage (S/):</source>
        <translation>Remuneración mínima (S/):</translation>
    </message>
    <message>
        <source>Minimum wage from:</source>
        <translation>Remuneración mínima desde:</translation>
    </message>
    <message>
        <source>Lock after idle minutes:</source>
        <translation>Bloquear tras minutos sin uso:</translation>
    </message>
    <message>
        <source>Documents and backups</source>
        <translation>Documentos y copias</translation>
    </message>
    <message>
        <source>Certificate book:</source>
        <translation>Libro de certificados:</translation>
    </message>
    <message>
        <source>Delivery-note series:</source>
        <translation>Serie de notas de entrega:</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>Carpeta de copias:</translation>
    </message>
    <message>
        <source>Minutes between backups:</source>
        <translation>Minutos entre copias:</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>Copias de seguridad:</translation>
    </message>
    <message>
        <source>Encrypt backups</source>
        <translation>Cifrar las copias</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Elegir el logotipo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Elegir la carpeta de copias</translation>
    </message>
</context>
<context>
    <name>SigningKeys</name>
    <message>
        <source>Create key…</source>
        <translation>Crear clave…</translation>
    </message>
    <message>
        <source>Revoke key…</source>
        <translation>Revocar clave…</translation>
    </message>
    <message>
        <source>Export public keys…</source>
        <translation>Exportar claves públicas…</translation>
    </message>
    <message>
        <source>Import public keys…</source>
        <translation>Importar claves públicas…</translation>
    </message>
    <message>
        <source>Each establishment signs its certificates with its own key. The private half is kept encrypted under a passphrase that the program never stores. Give the exported public keys to every office that verifies certificates, and compare fingerprints by phone.</source>
        <translation>Cada establecimiento firma sus certificados con su propia clave. La parte privada se guarda cifrada con una frase que el programa nunca almacena. Entregue las claves públicas exportadas a cada oficina que verifique certificados y compare las huellas por teléfono.</translation>
    </message>
    <message>
        <source>Establishment:</source>
        <translation>Establecimiento:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Repítala:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Válida desde:</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases no son iguales.</translation>
    </message>
    <message>
        <source>Create a signing key</source>
        <translation>Crear una clave de firma</translation>
    </message>
    <message>
        <source>The new key signs the establishment&apos;s certificates from the chosen day; its previous key closes the day before and still verifies what it signed. Choose a passphrase of at least 10 characters and keep it safe: without it no certificate can be issued, and the program does not store it.</source>
        <translation>La nueva clave firma los certificados del establecimiento desde el día elegido; su clave anterior se cierra el día previo y sigue verificando lo que firmó. Elija una frase de al menos 10 caracteres y guárdela bien: sin ella no se puede emitir ningún certificado, y el programa no la almacena.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Key {key_id} created. Fingerprint: {fingerprint}</source>
        <translation>Clave {key_id} creada. Huella: {fingerprint}</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>No se puede guardar</translation>
    </message>
    <message>
        <source>The file {path} could not be written: {reason}</source>
        <translation>No se pudo escribir el archivo {path}: {reason}</translation>
    </message>
    <message>
        <source>Export public keys</source>
        <translation>Exportar claves públicas</translation>
    </message>
    <message>
        <source>The public keys were saved to {path}.</source>
        <translation>Las claves públicas se guardaron en {path}.</translation>
    </message>
    <message>
        <source>Cannot read</source>
        <translation>No se puede leer</translation>
    </message>
    <message>
        <source>The file {path} could not be read: {reason}</source>
        <translation>No se pudo leer el archivo {path}: {reason}</translation>
    </message>
    <message>
        <source>Import public keys</source>
        <translation>Importar claves públicas</translation>
    </message>
    <message>
        <source>{added} keys added, {updated} closed, {unchanged} already known.</source>
        <translation>{added} claves añadidas, {updated} cerradas, {unchanged} ya conocidas.</translation>
    </message>
    <message>
        <source>Public keys (*.json)</source>
        <translation>Claves públicas (*.json)</translation>
    </message>
    <message>
        <source>Last safe day:</source>
        <translation>Último día seguro:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Say why the key is revoked.</source>
        <translation>Indique por qué se revoca la clave.</translation>
    </message>
    <message>
        <source>Revoke a signing key</source>
        <translation>Revocar una clave de firma</translation>
    </message>
    <message>
        <source>Revoke key {key_id} if its passphrase or the computer that holds it may be in other hands. Certificates dated after the last safe day will no longer verify; those dated up to it stay valid. The establishment cannot issue again until a new key is created.</source>
        <translation>Revoque la clave {key_id} si su frase de paso o la computadora que la guarda pueden estar en otras manos. Los certificados con fecha posterior al último día seguro dejarán de verificarse; los de fecha anterior o igual siguen siendo válidos. El establecimiento no podrá emitir hasta que se cree una clave nueva.</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Key {key_id} is revoked after {day}. Create a new key to issue again, and export the public keys to every office that verifies certificates.</source>
        <translation>La clave {key_id} quedó revocada después del {day}. Cree una clave nueva para volver a emitir y exporte las claves públicas a cada oficina que verifica certificados.</translation>
    </message>
    <message>
        <source>Revoke key {key_id} after {day}? This cannot be undone: a key&apos;s life can be shortened, never lengthened.</source>
        <translation>¿Revocar la clave {key_id} después del {day}? Esto no se puede deshacer: la vigencia de una clave se puede acortar, nunca alargar.</translation>
    </message>
    <message>
        <source>{count} certificates issued here with this key after that day will no longer verify; issue them again with the new key.</source>
        <translation>{count} certificados emitidos aquí con esta clave después de ese día dejarán de verificarse; emítalos de nuevo con la clave nueva.</translation>
    </message>
</context>
<context>
    <name>SigningPassphraseDialog</name>
    <message>
        <source>Signing key passphrase</source>
        <translation>Frase de la clave de firma</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase:</translation>
    </message>
    <message>
        <source>The program does not keep it: it signs this batch and is forgotten.</source>
        <translation>El programa no la guarda: firma este lote y se olvida.</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Escriba la frase.</translation>
    </message>
</context>
<context>
    <name>StartDialogs</name>
    <message>
        <source>Another program is opening the database right now.

Open it read-only to look up records (nothing can be saved), or quit and try again in a moment.</source>
        <translation>Otro programa está abriendo la base de datos en este momento.

Ábrala en modo de solo lectura para consultar los registros (no se podrá guardar nada), o salga e inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The database is open on the computer {host}, by the user {user}, since {since}.

Only one computer at a time can change it. Open it read-only to look up records (nothing can be saved), or quit and close the program on {host} first.</source>
        <translation>La base de datos está abierta en la computadora {host}, por el usuario {user}, desde el {since}.

Solo una computadora a la vez puede modificarla. Ábrala en modo de solo lectura para consultar los registros (no se podrá guardar nada), o salga y cierre primero el programa en {host}.</translation>
    </message>
    <message>
        <source>The database is in use on another computer</source>
        <translation>La base de datos está en uso en otra computadora</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>Base de datos en uso</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Abrir solo lectura</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>The check at start-up found that the database is damaged; it cannot be used as it is.</source>
        <translation>La verificación al iniciar encontró que la base de datos está dañada; no se puede usar tal como está.</translation>
    </message>
    <message>
        <source>The newest good backup is {name}, taken on {taken}. Restoring it brings the records back as they were then. The damaged file is kept in {folder}, so whatever was recorded after the backup can still be looked for there.</source>
        <translation>La copia de seguridad buena más reciente es {name}, hecha el {taken}. Al restaurarla, los registros vuelven a quedar como estaban en ese momento. El archivo dañado se guarda en {folder}, para que lo registrado después de la copia todavía pueda buscarse allí.</translation>
    </message>
    <message>
        <source>No good backup of it was found in {folder}. Copy that folder and the database file to a safe place and ask for technical help; a backup can be restored later with: carceles-desktop restore FILE</source>
        <translation>No se encontró ninguna copia de seguridad buena en {folder}. Copie esa carpeta y el archivo de la base de datos a un lugar seguro y pida ayuda técnica; más adelante se puede restaurar una copia con: carceles-desktop restore ARCHIVO</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>La base de datos está dañada</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>Base de datos dañada</translation>
    </message>
    <message>
        <source>What the check found: {details}</source>
        <translation>Lo que encontró la verificación: {details}</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restaurar la copia</translation>
    </message>
    <message>
        <source>The database is damaged, and its newest backups are encrypted. Type their passphrase to restore one of them, or Cancel to look only at the backups that are not encrypted.</source>
        <translation>La base de datos está dañada y sus copias de seguridad más recientes están cifradas. Escriba su frase de paso para restaurar una de ellas, o pulse Cancelar para considerar solo las copias que no están cifradas.</translation>
    </message>
    <message>
        <source>Database file: {path}</source>
        <translation>Archivo de la base de datos: {path}</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Opening the database…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
</context>
<context>
    <name>StateChangeDialog</name>
    <message>
        <source>Change enrolment state</source>
        <translation>Cambiar estado de la inscripción</translation>
    </message>
    <message>
        <source>Enrolment:</source>
        <translation>Inscripción:</translation>
    </message>
    <message>
        <source>New state:</source>
        <translation>Nuevo estado:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
</context>
<context>
    <name>TraineeActions</name>
    <message>
        <source>New trainee</source>
        <translation>Nuevo interno</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit (Enter or double click)</source>
        <translation>Editar (Enter o doble clic)</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Trasladar…</translation>
    </message>
    <message>
        <source>Enrol in a workshop…</source>
        <translation>Matricular en taller…</translation>
    </message>
    <message>
        <source>Change state…</source>
        <translation>Cambiar estado…</translation>
    </message>
    <message>
        <source>Redemption record…</source>
        <translation>Constancia de redención…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>{name} registered.</source>
        <translation>{name} registrado.</translation>
    </message>
    <message>
        <source>{name} transferred to {establishment}.</source>
        <translation>{name} trasladado a {establishment}.</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>Lista de espera</translation>
    </message>
    <message>
        <source>{workshop} is full: {name} is number {position} on its waiting list.</source>
        <translation>{workshop} está lleno: {name} queda con el número {position} en su lista de espera.</translation>
    </message>
    <message>
        <source>{name} enrolled in {workshop}.</source>
        <translation>{name} matriculado en {workshop}.</translation>
    </message>
    <message>
        <source>Change state</source>
        <translation>Cambiar estado</translation>
    </message>
    <message>
        <source>{name} has no open enrolment.</source>
        <translation>{name} no tiene ninguna inscripción abierta.</translation>
    </message>
    <message>
        <source>Redemption record of {name}</source>
        <translation>Constancia de redención de {name}</translation>
    </message>
</context>
<context>
    <name>TraineeDetail</name>
    <message>
        <source>Inmate code</source>
        <translation>Código de interno</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation>Establecimiento</translation>
    </message>
    <message>
        <source>Admission date</source>
        <translation>Fecha de ingreso</translation>
    </message>
    <message>
        <source>Legal situation</source>
        <translation>Situación jurídica</translation>
    </message>
    <message>
        <source>First-time offender</source>
        <translation>Primario</translation>
    </message>
    <message>
        <source>Redemption case</source>
        <translation>Régimen de redención</translation>
    </message>
    <message>
        <source>Release date</source>
        <translation>Fecha de egreso</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>Inscripciones</translation>
    </message>
    <message>
        <source>Not enrolled in any workshop.</source>
        <translation>No está inscrito en ningún taller.</translation>
    </message>
    <message>
        <source>Since {start}, still going</source>
        <translation>Desde el {start} hasta la fecha</translation>
    </message>
    <message>
        <source>From {start} to {end}</source>
        <translation>Del {start} al {end}</translation>
    </message>
    <message>
        <source>{hours} hours worked in {days} days</source>
        <translation>{hours} horas trabajadas en {days} días</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Evaluado el</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Competencia</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>{competency} (by {evaluator})</source>
        <translation>{competency} (evaluó {evaluator})</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Desaprobado</translation>
    </message>
</context>
<context>
    <name>TraineeDialog</name>
    <message>
        <source>New trainee</source>
        <translation>Nuevo interno</translation>
    </message>
    <message>
        <source>Edit trainee</source>
        <translation>Editar interno</translation>
    </message>
    <message>
        <source>To move the trainee to another establishment, transfer him.</source>
        <translation>Para llevar al interno a otro establecimiento, use Trasladar.</translation>
    </message>
    <message>
        <source>Establishment:</source>
        <translation>Establecimiento:</translation>
    </message>
    <message>
        <source>Inmate code:</source>
        <translation>Código de interno:</translation>
    </message>
    <message>
        <source>Document type:</source>
        <translation>Tipo de documento:</translation>
    </message>
    <message>
        <source>Document number:</source>
        <translation>Número de documento:</translation>
    </message>
    <message>
        <source>Paternal surname:</source>
        <translation>Apellido paterno:</translation>
    </message>
    <message>
        <source>Maternal surname:</source>
        <translation>Apellido materno:</translation>
    </message>
    <message>
        <source>Given names:</source>
        <translation>Nombres:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Sexo:</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>Nationality:</source>
        <translation>Nacionalidad:</translation>
    </message>
    <message>
        <source>Admission date:</source>
        <translation>Fecha de ingreso:</translation>
    </message>
    <message>
        <source>Legal situation:</source>
        <translation>Situación jurídica:</translation>
    </message>
    <message>
        <source>First-time offender (primario)</source>
        <translation>Reo primario</translation>
    </message>
    <message>
        <source>Release date:</source>
        <translation>Fecha de egreso:</translation>
    </message>
    <message>
        <source>Redemption case:</source>
        <translation>Caso de redención:</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Sin elegir</translation>
    </message>
    <message>
        <source>Only a head of work or an administrator may choose the redemption case.</source>
        <translation>Solo un jefe de trabajo o un administrador puede elegir el caso de redención.</translation>
    </message>
    <message>
        <source>(no longer in force)</source>
        <translation>(ya no vigente)</translation>
    </message>
    <message>
        <source>Fill in the required fields to save.</source>
        <translation>Complete los campos obligatorios para guardar.</translation>
    </message>
</context>
<context>
    <name>TraineesTable</name>
    <message>
        <source>Inmate code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Surnames and names</source>
        <translation>Apellidos y nombres</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation>Establecimiento</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>TraineesView</name>
    <message>
        <source>Select a trainee to see his record.</source>
        <translation>Seleccione un interno para ver su ficha.</translation>
    </message>
    <message>
        <source>Export personal data…</source>
        <translation>Exportar datos personales…</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer trainee</source>
        <translation>Trasladar interno</translation>
    </message>
    <message>
        <source>{name}, now in {establishment}</source>
        <translation>{name}, ahora en {establishment}</translation>
    </message>
    <message>
        <source>To establishment:</source>
        <translation>Al establecimiento:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
</context>
<context>
    <name>UserDetail</name>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation>Establecimiento</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Último ingreso</translation>
    </message>
    <message>
        <source>Must change his password</source>
        <translation>Debe cambiar su contraseña</translation>
    </message>
    <message>
        <source>Workshops he supervises</source>
        <translation>Talleres que supervisa</translation>
    </message>
    <message>
        <source>None assigned.</source>
        <translation>Ninguno asignado.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>Nuevo usuario</translation>
    </message>
    <message>
        <source>User {user}</source>
        <translation>Usuario {user}</translation>
    </message>
    <message>
        <source>e.g. jperez</source>
        <translation>p. ej. jperez</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Nombres y apellidos:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <source>All establishments</source>
        <translation>Todos los establecimientos</translation>
    </message>
    <message>
        <source>Establishment:</source>
        <translation>Establecimiento:</translation>
    </message>
    <message>
        <source>Workshops he supervises:</source>
        <translation>Talleres que supervisa:</translation>
    </message>
    <message>
        <source>The account may sign in</source>
        <translation>La cuenta puede ingresar</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Repítala:</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>Activa:</translation>
    </message>
</context>
<context>
    <name>UsersTable</name>
    <message>
        <source>Deactivated</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>Bloqueada hasta {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>All establishments</source>
        <translation>Todos los establecimientos</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombres y apellidos</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation>Establecimiento</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Último ingreso</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>Select a user to see his account.</source>
        <translation>Seleccione un usuario para ver su cuenta.</translation>
    </message>
    <message>
        <source>Search by user, name or role</source>
        <translation>Buscar por usuario, nombre o rol</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>Nuevo usuario…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Restablecer contraseña…</translation>
    </message>
    <message>
        <source>Deactivate the account {user} ({name})? It will no longer sign in; its records and history stay.</source>
        <translation>¿Desactivar la cuenta {user} ({name})? Ya no podrá ingresar; sus registros e historial se conservan.</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>Desactivar usuario</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>The password of {user} was reset.</source>
        <translation>Se restableció la contraseña de {user}.</translation>
    </message>
</context>
<context>
    <name>VerifyChecks</name>
    <message>
        <source>The code reads whole</source>
        <translation>El código se lee completo</translation>
    </message>
    <message>
        <source>The signing key is known here</source>
        <translation>La clave de firma es conocida aquí</translation>
    </message>
    <message>
        <source>The signature matches the data</source>
        <translation>La firma corresponde a los datos</translation>
    </message>
    <message>
        <source>The key was valid on the issue date</source>
        <translation>La clave estaba vigente en la fecha de emisión</translation>
    </message>
    <message>
        <source>The records here: current and the same data</source>
        <translation>Los registros de aquí: vigente y con los mismos datos</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>no comprobado</translation>
    </message>
    <message>
        <source>not recorded in this installation</source>
        <translation>no registrado en esta instalación</translation>
    </message>
</context>
<context>
    <name>VerifyFields</name>
    <message>
        <source>Name</source>
        <extracomment>The signed fields, in the order shown: key and caption.</extracomment>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>Oficio</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Emitido el</translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation>Establecimiento</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Clave de firma</translation>
    </message>
</context>
<context>
    <name>VerifyVerdict</name>
    <message>
        <source>VALID</source>
        <translation>VÁLIDO</translation>
    </message>
    <message>
        <source>ALTERED</source>
        <translation>ALTERADO</translation>
    </message>
    <message>
        <source>UNKNOWN KEY</source>
        <translation>CLAVE DESCONOCIDA</translation>
    </message>
    <message>
        <source>KEY NOT VALID ON THAT DATE</source>
        <translation>CLAVE NO VIGENTE EN ESA FECHA</translation>
    </message>
    <message>
        <source>ANNULLED</source>
        <translation>ANULADO</translation>
    </message>
    <message>
        <source>REPLACED</source>
        <translation>REEMPLAZADO</translation>
    </message>
    <message>
        <source>UNREADABLE</source>
        <translation>ILEGIBLE</translation>
    </message>
</context>
<context>
    <name>VerifyView</name>
    <message>
        <source>Scan the certificate&apos;s QR code here, or paste its text</source>
        <translation>Escanee aquí el código QR del certificado, o pegue su texto</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>Open PDF…</source>
        <translation>Abrir PDF…</translation>
    </message>
    <message>
        <source>Verify a certificate</source>
        <translation>Verificar un certificado</translation>
    </message>
    <message>
        <source>scanned or typed code</source>
        <translation>código escaneado o escrito</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <source>Scan the QR code of the certificate (the scanner ends with Enter), paste its text and press Enter, or open the certificate&apos;s PDF.</source>
        <translation>Escanee el código QR del certificado (el lector termina con Enter), pegue su texto y pulse Enter, o abra el PDF del certificado.</translation>
    </message>
    <message>
        <source>{total} certificates in the file — valid: {valid}; not valid: {other}.</source>
        <translation>{total} certificados en el archivo — válidos: {valid}; no válidos: {other}.</translation>
    </message>
    <message>
        <source>{source}, certificate {number} of {total}</source>
        <translation>{source}, certificado {number} de {total}</translation>
    </message>
    <message>
        <source>Signed data — compare every line with the paper:</source>
        <translation>Datos firmados — compare cada línea con el papel:</translation>
    </message>
    <message>
        <source>Data read from the code — NOT proven, do not rely on it:</source>
        <translation>Datos leídos del código — NO comprobados, no confíe en ellos:</translation>
    </message>
    <message>
        <source>Checked at {time} — {source}</source>
        <translation>Comprobado a las {time} — {source}</translation>
    </message>
    <message>
        <source>Open a certificate</source>
        <translation>Abrir un certificado</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>WorkshopDetail</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation>Establecimiento</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>Oficio</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Empresa aliada</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Hours of a working day</source>
        <translation>Horas de una jornada</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Supervisors</source>
        <translation>Supervisores</translation>
    </message>
    <message>
        <source>{active} active, {waiting} on the waiting list, {finished} finished</source>
        <translation>{active} activos, {waiting} en lista de espera, {finished} concluidos</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>Internos</translation>
    </message>
    <message>
        <source>Inmate code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Nobody is enrolled now.</source>
        <translation>Nadie está inscrito por ahora.</translation>
    </message>
</context>
<context>
    <name>WorkshopsTable</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation>Establecimiento</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>Oficio</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>Internos</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
</context>
<context>
    <name>WorkshopsView</name>
    <message>
        <source>Select a workshop to see its detail.</source>
        <translation>Seleccione un taller para ver su detalle.</translation>
    </message>
    <message>
        <source>Search by name or code</source>
        <translation>Buscar por nombre o código</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>view records</source>
        <translation>ver registros</translation>
    </message>
    <message>
        <source>print reports</source>
        <translation>imprimir reportes</translation>
    </message>
    <message>
        <source>create and edit trainees</source>
        <translation>registrar y editar internos</translation>
    </message>
    <message>
        <source>import trainees</source>
        <translation>importar internos</translation>
    </message>
    <message>
        <source>choose a trainee&apos;s redemption case</source>
        <translation>elegir el régimen de redención de un interno</translation>
    </message>
    <message>
        <source>transfer trainees between establishments</source>
        <translation>trasladar internos entre establecimientos</translation>
    </message>
    <message>
        <source>enrol trainees and change enrolment states</source>
        <translation>inscribir internos y cambiar el estado de sus inscripciones</translation>
    </message>
    <message>
        <source>record attendance</source>
        <translation>registrar la asistencia</translation>
    </message>
    <message>
        <source>record assessments</source>
        <translation>registrar evaluaciones</translation>
    </message>
    <message>
        <source>create and edit workshops</source>
        <translation>crear y editar talleres</translation>
    </message>
    <message>
        <source>edit catalogues</source>
        <translation>editar los catálogos</translation>
    </message>
    <message>
        <source>create and edit clients, products and orders</source>
        <translation>crear y editar clientes, productos y pedidos</translation>
    </message>
    <message>
        <source>create and edit production batches</source>
        <translation>crear y editar lotes de producción</translation>
    </message>
    <message>
        <source>prepare, issue and receive deliveries</source>
        <translation>preparar, emitir y recibir entregas</translation>
    </message>
    <message>
        <source>annul deliveries</source>
        <translation>anular entregas</translation>
    </message>
    <message>
        <source>issue certificates</source>
        <translation>emitir certificados</translation>
    </message>
    <message>
        <source>override certificate eligibility</source>
        <translation>autorizar certificados sin cumplir los requisitos</translation>
    </message>
    <message>
        <source>annul and replace certificates</source>
        <translation>anular y reemplazar certificados</translation>
    </message>
    <message>
        <source>export a person&apos;s data</source>
        <translation>exportar los datos de una persona</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>administrar usuarios</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>cambiar la configuración</translation>
    </message>
    <message>
        <source>manage signing keys</source>
        <translation>administrar las claves de firma</translation>
    </message>
    <message>
        <source>take and restore backups</source>
        <translation>sacar y restaurar copias de seguridad</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>ver el registro de auditoría</translation>
    </message>
</context>
<context>
    <name>certificates</name>
    <message>
        <source>Competency {code} “{name}” is not assessed yet.</source>
        <translation>La competencia {code} «{name}» aún no está evaluada.</translation>
    </message>
    <message>
        <source>Competency {code} “{name}” is not passed (last assessed on {day}).</source>
        <translation>La competencia {code} «{name}» no está aprobada (última evaluación el {day}).</translation>
    </message>
    <message>
        <source>No hours of work are recorded.</source>
        <translation>No hay horas de trabajo registradas.</translation>
    </message>
    <message>
        <source>{hours} hours worked of the {required} required ({short} missing).</source>
        <translation>{hours} horas trabajadas de las {required} requeridas (faltan {short}).</translation>
    </message>
    <message>
        <source>Certificate {number} was already issued for this enrolment.</source>
        <translation>Ya se emitió el certificado {number} para esta inscripción.</translation>
    </message>
    <message>
        <source>The enrolment is {state}, not culminated; an authorised user may override this with a written reason.</source>
        <translation>La inscripción está en estado {state}, no culminada; un usuario autorizado puede dispensarlo con un motivo escrito.</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>Loading catalogues</source>
        <translation>Cargando los catálogos</translation>
    </message>
    <message>
        <source>Creating workshops, clients, products and users</source>
        <translation>Creando talleres, clientes, productos y usuarios</translation>
    </message>
    <message>
        <source>Generating trainees, attendance and production</source>
        <translation>Generando internos, asistencia y producción</translation>
    </message>
    <message>
        <source>Writing the audit trail</source>
        <translation>Escribiendo el registro de auditoría</translation>
    </message>
    <message>
        <source>Issuing training certificates</source>
        <extracomment>The passphrase of the demo&apos;s signing key (the README states it).</extracomment>
        <translation>Emitiendo certificados de capacitación</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>This command needs a user: add --user NAME (the password is read from the terminal or the CARCELES_PASSWORD variable).</source>
        <translation>Este comando necesita un usuario: agregue --user NOMBRE (la contraseña se lee del terminal o de la variable CARCELES_PASSWORD).</translation>
    </message>
    <message>
        <source>No password for {user}: set CARCELES_PASSWORD or run in a terminal.</source>
        <translation>No hay contraseña para {user}: defina CARCELES_PASSWORD o ejecute en un terminal.</translation>
    </message>
    <message>
        <source>{path} exists already; choose another name.</source>
        <translation>{path} ya existe; elija otro nombre.</translation>
    </message>
    <message>
        <source>This database has users already; add users as admin.</source>
        <translation>Esta base de datos ya tiene usuarios; agregue usuarios como administrador.</translation>
    </message>
    <message>
        <source>This database holds real records; demo data goes into a new database.</source>
        <translation>Esta base de datos tiene registros reales; los datos de demostración van en una base de datos nueva.</translation>
    </message>
    <message>
        <source>Enter the DNI number.</source>
        <translation>Escriba el número de DNI.</translation>
    </message>
    <message>
        <source>A DNI has only digits.</source>
        <translation>El DNI tiene solo dígitos.</translation>
    </message>
    <message>
        <source>A DNI has exactly 8 digits (keep the leading zeros, e.g. 01234567).</source>
        <translation>El DNI tiene exactamente 8 dígitos (conserve los ceros iniciales, p. ej. 01234567).</translation>
    </message>
    <message>
        <source>The DNI check character is a single digit or letter.</source>
        <translation>El carácter de verificación del DNI es un solo dígito o letra.</translation>
    </message>
    <message>
        <source>The DNI check character does not match the number; check both.</source>
        <translation>El carácter de verificación no corresponde al número del DNI; revise ambos.</translation>
    </message>
    <message>
        <source>Enter the RUC number.</source>
        <translation>Escriba el número de RUC.</translation>
    </message>
    <message>
        <source>A RUC has only digits.</source>
        <translation>El RUC tiene solo dígitos.</translation>
    </message>
    <message>
        <source>A RUC has exactly 11 digits.</source>
        <translation>El RUC tiene exactamente 11 dígitos.</translation>
    </message>
    <message>
        <source>A RUC starts with 10, 15, 16, 17 or 20.</source>
        <translation>El RUC empieza con 10, 15, 16, 17 o 20.</translation>
    </message>
    <message>
        <source>The RUC&apos;s last digit does not match the others; check for a typing mistake.</source>
        <translation>El último dígito del RUC no corresponde a los demás; revise si hay un error de digitación.</translation>
    </message>
    <message>
        <source>There is no workshop with the key {key}.</source>
        <extracomment>Sort keys of :func:`search_workshops`.</extracomment>
        <translation>No existe un taller con la clave {key}.</translation>
    </message>
    <message>
        <source>There is no agreement with the key {key}.</source>
        <translation>No existe un convenio con la clave {key}.</translation>
    </message>
    <message>
        <source>Enter the agreement&apos;s number.</source>
        <translation>Escriba el número del convenio.</translation>
    </message>
    <message>
        <source>{name} is retired; reactivate the partner first.</source>
        <translation>{name} está dado de baja; reactive primero a la empresa o persona.</translation>
    </message>
    <message>
        <source>The end date {end} is before the start date {start}.</source>
        <translation>La fecha de fin {end} es anterior a la fecha de inicio {start}.</translation>
    </message>
    <message>
        <source>The agreement cannot be signed after it ends ({end}).</source>
        <translation>El convenio no puede firmarse después de su término ({end}).</translation>
    </message>
    <message>
        <source>An agreement numbered {number} already exists.</source>
        <translation>Ya existe un convenio con el número {number}.</translation>
    </message>
    <message>
        <source>Agreement {other} already covers part of that period for this partner and workshop.</source>
        <translation>El convenio {other} ya cubre parte de ese periodo para esta empresa y este taller.</translation>
    </message>
    <message>
        <source>Agreement {number} was ended early; it cannot change.</source>
        <translation>El convenio {number} fue resuelto antes de tiempo; ya no puede cambiar.</translation>
    </message>
    <message>
        <source>Agreement {number} was already ended early.</source>
        <translation>El convenio {number} ya fue resuelto antes de tiempo.</translation>
    </message>
    <message>
        <source>Choose a day from {start} to {end}.</source>
        <translation>Elija un día entre el {start} y el {end}.</translation>
    </message>
    <message>
        <source>Nothing was saved: {count} cells are wrong.</source>
        <extracomment>Hours are kept to the hundredth.</extracomment>
        <translation>No se guardó nada: hay {count} celdas con errores.</translation>
    </message>
    <message>
        <source>There is no month {month} of {year}.</source>
        <extracomment>(enrolment, day) → (row id, status, hours) of the entries recorded.</extracomment>
        <translation>No existe el mes {month} del año {year}.</translation>
    </message>
    <message>
        <source>{user} may see only the workshops assigned to him.</source>
        <translation>{user} solo puede ver los talleres que tiene asignados.</translation>
    </message>
    <message>
        <source>Hours must be a number.</source>
        <extracomment>hours the same trainees worked elsewhere, by (trainee, day)
----------
Letters typed for an absence, and the letter shown for each mark.</extracomment>
        <translation>Las horas deben ser un número.</translation>
    </message>
    <message>
        <source>Hours cannot be negative.</source>
        <translation>Las horas no pueden ser negativas.</translation>
    </message>
    <message>
        <source>Hours have at most two decimals (e.g. 7.25).</source>
        <translation>Las horas tienen como máximo dos decimales (p. ej. 7.25).</translation>
    </message>
    <message>
        <source>More than the daily limit of {limit} hours.</source>
        <translation>Supera el límite diario de {limit} horas.</translation>
    </message>
    <message>
        <source>A day present has hours; enter them or mark absence.</source>
        <translation>Un día con asistencia tiene horas; escríbalas o marque la falta.</translation>
    </message>
    <message>
        <source>An absence has no hours.</source>
        <translation>Una falta no tiene horas.</translation>
    </message>
    <message>
        <source>This enrolment is not on the sheet.</source>
        <translation>Esta inscripción no está en la planilla.</translation>
    </message>
    <message>
        <source>The day is not in this month.</source>
        <translation>El día no pertenece a este mes.</translation>
    </message>
    <message>
        <source>Unknown attendance mark {mark}.</source>
        <translation>Marca de asistencia desconocida: {mark}.</translation>
    </message>
    <message>
        <source>The day is in the future.</source>
        <translation>El día es posterior a hoy.</translation>
    </message>
    <message>
        <source>Outside the enrolment ({start} to {end}).</source>
        <translation>Fuera del periodo de inscripción ({start} al {end}).</translation>
    </message>
    <message>
        <source>With {other} hours worked elsewhere that day, more than the limit of {limit}.</source>
        <translation>Con {other} horas trabajadas en otro taller ese día, supera el límite de {limit}.</translation>
    </message>
    <message>
        <source>The same cell was entered twice.</source>
        <translation>La misma celda se ingresó dos veces.</translation>
    </message>
    <message>
        <source>There is no trainee with the key {key}.</source>
        <extracomment>The entity name of trainee changes in the audit log. The columns a form edits, named alike on the record, the input and the row.</extracomment>
        <translation>No existe un interno con la clave {key}.</translation>
    </message>
    <message>
        <source>The catalogue file {file} has no column {column}.</source>
        <extracomment>The SUNAT code lists and the file each one ships in. Who an establishment holds, as the establishments file writes it.</extracomment>
        <translation>El archivo de catálogo {file} no tiene la columna {column}.</translation>
    </message>
    <message>
        <source>Row {line} of the catalogue file {file}: {problem}</source>
        <translation>Fila {line} del archivo de catálogo {file}: {problem}</translation>
    </message>
    <message>
        <source>No establishment matches “{query}”.</source>
        <translation>Ningún establecimiento coincide con «{query}».</translation>
    </message>
    <message>
        <source>“{query}” matches several establishments: {candidates}.</source>
        <translation>«{query}» coincide con varios establecimientos: {candidates}.</translation>
    </message>
    <message>
        <source>No trade has the code {code}.</source>
        <translation>Ningún oficio tiene el código {code}.</translation>
    </message>
    <message>
        <source>This text is longer than {width} characters.</source>
        <extracomment>Most rows one page of a list returns. The escape character of the LIKE patterns :func:`fold_pattern` builds. Width of a reason for annulling (the ``annul_reason`` columns). The catalogue records a user may retire from the pickers and edit in place.</extracomment>
        <translation>Este texto tiene más de {width} caracteres.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>Escriba un número.</translation>
    </message>
    <message>
        <source>“{value}” is not a number.</source>
        <translation>«{value}» no es un número.</translation>
    </message>
    <message>
        <source>Enter a number greater than zero.</source>
        <translation>Escriba un número mayor que cero.</translation>
    </message>
    <message>
        <source>The number cannot be negative.</source>
        <translation>El número no puede ser negativo.</translation>
    </message>
    <message>
        <source>The number {value} is too large.</source>
        <translation>El número {value} es demasiado grande.</translation>
    </message>
    <message>
        <source>Use at most {places} decimals.</source>
        <translation>Use como máximo {places} decimales.</translation>
    </message>
    <message>
        <source>{user} may work only with the records of his own establishment.</source>
        <translation>{user} solo puede trabajar con los registros de su propio establecimiento.</translation>
    </message>
    <message>
        <source>{user} may change only the trainees of the workshops assigned to him.</source>
        <translation>{user} solo puede modificar a los internos de los talleres que tiene asignados.</translation>
    </message>
    <message>
        <source>Give the reason for the change.</source>
        <translation>Indique el motivo del cambio.</translation>
    </message>
    <message>
        <source>The reason is longer than {width} characters.</source>
        <translation>El motivo tiene más de {width} caracteres.</translation>
    </message>
    <message>
        <source>The start date {day} is in the future.</source>
        <translation>La fecha de inicio {day} es posterior a hoy.</translation>
    </message>
    <message>
        <source>The start date {day} is before the admission date {admission}.</source>
        <translation>La fecha de inicio {day} es anterior a la fecha de ingreso {admission}.</translation>
    </message>
    <message>
        <source>{name} was released on {release}.</source>
        <translation>{name} egresó el {release}.</translation>
    </message>
    <message>
        <source>{name} is already enrolled in {workshop} ({state}).</source>
        <translation>{name} ya está inscrito en {workshop} ({state}).</translation>
    </message>
    <message>
        <source>{name}&apos;s previous enrolment in {workshop} ended on {end}; a new one must start after that day.</source>
        <translation>La inscripción anterior de {name} en {workshop} terminó el {end}; la nueva debe empezar después de ese día.</translation>
    </message>
    <message>
        <source>The workshop {workshop} is closed.</source>
        <translation>El taller {workshop} está cerrado.</translation>
    </message>
    <message>
        <source>{name} is held in another establishment than the workshop {workshop}.</source>
        <translation>{name} está recluido en un establecimiento distinto al del taller {workshop}.</translation>
    </message>
    <message>
        <source>There is no enrolment with the key {key}.</source>
        <extracomment>States of an enrolment that still holds (or waits for) a place.</extracomment>
        <translation>No existe una inscripción con la clave {key}.</translation>
    </message>
    <message>
        <source>There is no competency with the key {key}.</source>
        <translation>No existe una competencia con la clave {key}.</translation>
    </message>
    <message>
        <source>The competency {code} is not part of the trade of {workshop}.</source>
        <translation>La competencia {code} no pertenece al oficio de {workshop}.</translation>
    </message>
    <message>
        <source>The competency {code} is no longer taught.</source>
        <translation>La competencia {code} ya no se imparte.</translation>
    </message>
    <message>
        <source>The enrolment is on the waiting list; it has nothing to assess yet.</source>
        <translation>La inscripción está en lista de espera; todavía no hay nada que evaluar.</translation>
    </message>
    <message>
        <source>The date {day} is in the future.</source>
        <extracomment>The steps an enrolment may take, from each state.</extracomment>
        <translation>La fecha {day} es posterior a hoy.</translation>
    </message>
    <message>
        <source>The date {day} is outside the enrolment ({start} – {end}).</source>
        <translation>La fecha {day} está fuera de la inscripción ({start} – {end}).</translation>
    </message>
    <message>
        <source>Enter a grade from 0 to 20, or pass or fail.</source>
        <translation>Ingrese una nota de 0 a 20, o aprobado o desaprobado.</translation>
    </message>
    <message>
        <source>The grade must be a whole number from 0 to 20.</source>
        <translation>La nota debe ser un número entero de 0 a 20.</translation>
    </message>
    <message>
        <source>A grade of {grade} passes (the pass grade is {pass_grade}); it cannot be marked failed.</source>
        <translation>Una nota de {grade} aprueba (la nota aprobatoria es {pass_grade}); no puede marcarse como desaprobada.</translation>
    </message>
    <message>
        <source>A grade of {grade} fails (the pass grade is {pass_grade}); it cannot be marked passed.</source>
        <translation>Una nota de {grade} desaprueba (la nota aprobatoria es {pass_grade}); no puede marcarse como aprobada.</translation>
    </message>
    <message>
        <source>Enter who assessed the competency.</source>
        <translation>Ingrese quién evaluó la competencia.</translation>
    </message>
    <message>
        <source>The competency {code} was already assessed on {day}; correct that assessment instead.</source>
        <translation>La competencia {code} ya se evaluó el {day}; corrija esa evaluación.</translation>
    </message>
    <message>
        <source>There is no assessment with the key {key}.</source>
        <translation>No existe una evaluación con la clave {key}.</translation>
    </message>
    <message>
        <source>The date {day} is before the enrolment began ({start}).</source>
        <translation>La fecha {day} es anterior al inicio de la inscripción ({start}).</translation>
    </message>
    <message>
        <source>Attendance is recorded up to {last}, after {day}; correct the attendance or choose a later date.</source>
        <translation>Hay asistencia registrada hasta el {last}, después del {day}; corrija la asistencia o elija una fecha posterior.</translation>
    </message>
    <message>
        <source>An enrolment in state {old} cannot change to {new}.</source>
        <translation>Una inscripción en estado {old} no puede pasar a {new}.</translation>
    </message>
    <message>
        <source>The workshop {workshop} is full ({capacity} places taken).</source>
        <translation>El taller {workshop} está lleno ({capacity} vacantes ocupadas).</translation>
    </message>
    <message>
        <source>Choose the type of identity document.</source>
        <extracomment>SUNAT catalogue 06 codes a partner may have.</extracomment>
        <translation>Elija el tipo de documento de identidad.</translation>
    </message>
    <message>
        <source>Choose whether the partner is a company, a State entity or a person.</source>
        <translation>Elija si es una empresa, una entidad del Estado o una persona natural.</translation>
    </message>
    <message>
        <source>Enter the partner&apos;s name.</source>
        <translation>Escriba el nombre o razón social.</translation>
    </message>
    <message>
        <source>Enter the address (none is on record to take).</source>
        <translation>Escriba la dirección (no hay ninguna registrada para tomarla).</translation>
    </message>
    <message>
        <source>An ubigeo has 6 digits, e.g. 150132.</source>
        <translation>El ubigeo tiene 6 dígitos, p. ej. 150132.</translation>
    </message>
    <message>
        <source>Choose public (01) or private (02) transport.</source>
        <translation>Elija transporte público (01) o privado (02).</translation>
    </message>
    <message>
        <source>Enter the carrier&apos;s name.</source>
        <translation>Escriba el nombre del transportista.</translation>
    </message>
    <message>
        <source>Enter the vehicle&apos;s plate, e.g. ABC-123.</source>
        <translation>Escriba la placa del vehículo, p. ej. ABC-123.</translation>
    </message>
    <message>
        <source>Enter the driver&apos;s name.</source>
        <translation>Escriba el nombre del conductor.</translation>
    </message>
    <message>
        <source>Enter the driver&apos;s licence number, e.g. Q12345678.</source>
        <translation>Escriba el número de licencia del conductor, p. ej. Q12345678.</translation>
    </message>
    <message>
        <source>Order {number} is of another client.</source>
        <translation>El pedido {number} es de otro cliente.</translation>
    </message>
    <message>
        <source>Order {number} is annulled.</source>
        <translation>El pedido {number} está anulado.</translation>
    </message>
    <message>
        <source>Batch {code} is {state}; only finished batches are delivered.</source>
        <translation>El lote {code} está {state}; solo se entregan lotes terminados.</translation>
    </message>
    <message>
        <source>Batch {code} was made for order {number}; deliver it on a note for that order.</source>
        <translation>El lote {code} se hizo para el pedido {number}; entréguelo en una nota de ese pedido.</translation>
    </message>
    <message>
        <source>Order {number} does not ask for the product of batch {code}.</source>
        <translation>El pedido {number} no incluye el producto del lote {code}.</translation>
    </message>
    <message>
        <source>A delivery note needs at least one line.</source>
        <translation>Una nota de entrega necesita al menos una línea.</translation>
    </message>
    <message>
        <source>Batch {code} is on two lines; join them.</source>
        <translation>El lote {code} está en dos líneas; júntelas.</translation>
    </message>
    <message>
        <source>All the batches of a note must be of one establishment.</source>
        <translation>Todos los lotes de una nota deben ser de un mismo establecimiento.</translation>
    </message>
    <message>
        <source>Choose the reason for the transfer (01 venta, 13 otros …).</source>
        <translation>Elija el motivo del traslado (01 venta, 13 otros …).</translation>
    </message>
    <message>
        <source>That agreement is with another partner.</source>
        <translation>Ese convenio es con otra empresa.</translation>
    </message>
    <message>
        <source>Enter the number of packages.</source>
        <translation>Escriba el número de bultos.</translation>
    </message>
    <message>
        <source>“{value}” is not an e-mail address.</source>
        <translation>«{value}» no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>The document {number} is already registered to {name}.</source>
        <translation>El documento {number} ya está registrado a nombre de {name}.</translation>
    </message>
    <message>
        <source>There is no client or partner with the key {key}.</source>
        <translation>No existe un cliente o empresa aliada con la clave {key}.</translation>
    </message>
    <message>
        <source>The password must have at least {minimum} characters.</source>
        <extracomment>Long enough for any passphrase; a limit keeps a pasted novel from costing seconds.</extracomment>
        <translation>La contraseña debe tener al menos {minimum} caracteres.</translation>
    </message>
    <message>
        <source>The password may have at most {maximum} characters.</source>
        <translation>La contraseña puede tener como máximo {maximum} caracteres.</translation>
    </message>
    <message>
        <source>The password is too simple: use different characters.</source>
        <translation>La contraseña es demasiado simple: use caracteres distintos.</translation>
    </message>
    <message>
        <source>The password is too easy to guess: choose another one.</source>
        <translation>La contraseña es demasiado fácil de adivinar: elija otra.</translation>
    </message>
    <message>
        <source>{user} may {action} only in the workshops assigned to him.</source>
        <extracomment>The matrix itself: which actions each role may take. Actions a supervisor may take only inside the workshops assigned to him.</extracomment>
        <translation>{user} puede {action} solo en los talleres que tiene asignados.</translation>
    </message>
    <message>
        <source>{user} ({role}) may not {action}.</source>
        <translation>{user} ({role}) no puede {action}.</translation>
    </message>
    <message>
        <source>There is no trainee number {id}.</source>
        <extracomment>Names the layout of the exported document, so that a reader knows what to expect.</extracomment>
        <translation>No existe el interno número {id}.</translation>
    </message>
    <message>
        <source>{user} may export only the data of his own establishment&apos;s trainees.</source>
        <translation>{user} solo puede exportar los datos de los internos de su propio establecimiento.</translation>
    </message>
    <message>
        <source>A product code has 1 to 30 letters, digits, dots, hyphens or underscores.</source>
        <translation>El código de producto tiene de 1 a 30 letras, dígitos, puntos, guiones o guiones bajos.</translation>
    </message>
    <message>
        <source>Enter the product&apos;s name.</source>
        <translation>Escriba el nombre del producto.</translation>
    </message>
    <message>
        <source>There is no batch with the key {key}.</source>
        <translation>No existe un lote con la clave {key}.</translation>
    </message>
    <message>
        <source>Batch {code} is {state}; that cannot be done now.</source>
        <translation>El lote {code} está {state}; eso no se puede hacer ahora.</translation>
    </message>
    <message>
        <source>There is no order line with the key {key}.</source>
        <translation>No existe una línea de pedido con la clave {key}.</translation>
    </message>
    <message>
        <source>That line of order {number} is for another product.</source>
        <translation>Esa línea del pedido {number} es de otro producto.</translation>
    </message>
    <message>
        <source>Order {number} is {state}; it needs no more batches.</source>
        <translation>El pedido {number} está {state}; no necesita más lotes.</translation>
    </message>
    <message>
        <source>Order {number} belongs to another establishment.</source>
        <translation>El pedido {number} pertenece a otro establecimiento.</translation>
    </message>
    <message>
        <source>A batch code has 1 to 30 letters, digits and hyphens.</source>
        <translation>El código de lote tiene de 1 a 30 letras, dígitos y guiones.</translation>
    </message>
    <message>
        <source>Another batch already has the code {code}.</source>
        <translation>Otro lote ya tiene el código {code}.</translation>
    </message>
    <message>
        <source>Batch {code} has workers; its workshop cannot change.</source>
        <translation>El lote {code} tiene trabajadores; su taller no puede cambiar.</translation>
    </message>
    <message>
        <source>A batch cannot start in the future.</source>
        <translation>Un lote no puede empezar en una fecha futura.</translation>
    </message>
    <message>
        <source>Accepted and rejected units ({total}) exceed the {inspected} inspected.</source>
        <translation>Las unidades aceptadas y rechazadas ({total}) superan las {inspected} inspeccionadas.</translation>
    </message>
    <message>
        <source>Enter who checked the batch.</source>
        <translation>Escriba quién revisó el lote.</translation>
    </message>
    <message>
        <source>{delivered} units of batch {code} were already delivered; accepted units cannot be fewer.</source>
        <translation>Ya se entregaron {delivered} unidades del lote {code}; las unidades aceptadas no pueden ser menos.</translation>
    </message>
    <message>
        <source>A batch cannot finish in the future.</source>
        <translation>Un lote no puede terminar en una fecha futura.</translation>
    </message>
    <message>
        <source>Choose a day from {start} to today.</source>
        <translation>Elija un día entre el {start} y hoy.</translation>
    </message>
    <message>
        <source>Batch {code} is on delivery notes; annul or change them first.</source>
        <translation>El lote {code} figura en notas de entrega; anúlelas o modifíquelas primero.</translation>
    </message>
    <message>
        <source>Describe the material.</source>
        <translation>Describa el material.</translation>
    </message>
    <message>
        <source>“{code}” is not a unit of the SUNAT list (NIU, PR, KGM …).</source>
        <translation>«{code}» no es una unidad de la lista de SUNAT (NIU, PR, KGM …).</translation>
    </message>
    <message>
        <source>{code} was not enrolled in this workshop between {start} and {end}.</source>
        <translation>{code} no estuvo inscrito en este taller entre el {start} y el {end}.</translation>
    </message>
    <message>
        <source>{code} is listed twice.</source>
        <translation>{code} figura dos veces.</translation>
    </message>
    <message>
        <source>There is no trade with the key {key}.</source>
        <translation>No existe un oficio con la clave {key}.</translation>
    </message>
    <message>
        <source>Another product already has the code {code}.</source>
        <translation>Otro producto ya tiene el código {code}.</translation>
    </message>
    <message>
        <source>There is no product with the key {key}.</source>
        <translation>No existe un producto con la clave {key}.</translation>
    </message>
    <message>
        <source>No redemption case has been chosen for {name}; a user allowed to choose redemption cases (jefe de trabajo or administrator) must choose it first.</source>
        <translation>No se ha elegido el régimen de redención de {name}; primero debe elegirlo un usuario autorizado (jefe de trabajo o administrador).</translation>
    </message>
    <message>
        <source>There is no setting called {name}.</source>
        <extracomment>Where the 20 % reparation share goes when a trainee owes no civil reparation (the sources do not say, so the institution decides): added to the institution&apos;s 10 % for reinvestment in workshops, added to the trainee&apos;s own 70 %, or held in a reserve account until an authority decides. Who may sign a certificate, in order of rank: the establishment&apos;s director, the head of work (*jefe de trabajo*), and the workshop&apos;s instructor or supervisor.</extracomment>
        <translation>No existe la opción de configuración {name}.</translation>
    </message>
    <message>
        <source>The establishment of this installation: no establishment has the code {code}.</source>
        <translation>Establecimiento de esta instalación: ningún establecimiento tiene el código {code}.</translation>
    </message>
    <message>
        <source>The daily hour limit cannot be less than the minimum hours of a valid work day ({minimum} h).</source>
        <translation>El límite de horas por día no puede ser menor que las horas mínimas de un día de trabajo válido ({minimum} h).</translation>
    </message>
    <message>
        <source>Enter the institution&apos;s name (at most 200 characters).</source>
        <translation>Escriba el nombre de la institución (máximo 200 caracteres).</translation>
    </message>
    <message>
        <source>Enter the institution&apos;s acronym (at most 20 characters).</source>
        <translation>Escriba las siglas de la institución (máximo 20 caracteres).</translation>
    </message>
    <message>
        <source>The institution&apos;s RUC must have 11 digits, start with 10, 15, 16, 17 or 20 and end with the right check digit.</source>
        <translation>El RUC de la institución debe tener 11 dígitos, empezar con 10, 15, 16, 17 o 20 y terminar con el dígito de verificación correcto.</translation>
    </message>
    <message>
        <source>The institution preset must be one of {choices}.</source>
        <translation>La institución predefinida debe ser una de: {choices}.</translation>
    </message>
    <message>
        <source>The logo must be an existing PNG or JPEG file: {value} is not one.</source>
        <translation>El logotipo debe ser un archivo PNG o JPEG existente: {value} no lo es.</translation>
    </message>
    <message>
        <source>The establishment of this installation must be given by its code.</source>
        <translation>El establecimiento de esta instalación debe indicarse por su código.</translation>
    </message>
    <message>
        <source>Signatories: each line needs a role ({choices}, each at most once), a name of at most 120 characters and a title of 1 to 120 characters.</source>
        <translation>Firmantes: cada línea necesita un rol ({choices}, cada uno una sola vez), un nombre de hasta 120 caracteres y un cargo de 1 a 120 caracteres.</translation>
    </message>
    <message>
        <source>The daily hour limit must be between 1 and 24 hours, with at most 2 decimals.</source>
        <translation>El límite de horas por día debe estar entre 1 y 24 horas, con 2 decimales como máximo.</translation>
    </message>
    <message>
        <source>The minimum hours of a valid work day must be more than 0 and at most the daily hour limit ({limit} h), with at most 2 decimals.</source>
        <translation>Las horas mínimas de un día de trabajo válido deben ser más de 0 y no más que el límite diario ({limit} h), con 2 decimales como máximo.</translation>
    </message>
    <message>
        <source>The pass grade must be a whole number from 0 to 20.</source>
        <translation>La nota aprobatoria debe ser un número entero de 0 a 20.</translation>
    </message>
    <message>
        <source>Where the reparation share goes when none is owed must be one of {choices}.</source>
        <translation>El destino de la parte de reparación cuando no se debe debe ser uno de: {choices}.</translation>
    </message>
    <message>
        <source>The idle lock must be a whole number of minutes from 1 to 240.</source>
        <translation>El bloqueo por inactividad debe ser un número entero de minutos de 1 a 240.</translation>
    </message>
    <message>
        <source>The minimum wage must be more than 0 and less than 100000 soles, with at most 2 decimals.</source>
        <translation>La remuneración mínima debe ser mayor que 0 y menor que 100000 soles, con 2 decimales como máximo.</translation>
    </message>
    <message>
        <source>The date the minimum wage applies from must be a date (YYYY-MM-DD).</source>
        <translation>La fecha desde la que rige la remuneración mínima debe ser una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>The certificate book must be 1 to 20 letters, digits, dashes or dots.</source>
        <translation>El libro de certificados debe tener de 1 a 20 letras, dígitos, guiones o puntos.</translation>
    </message>
    <message>
        <source>The delivery-note series must be a letter and three letters or digits (NE01).</source>
        <translation>La serie de notas de entrega debe ser una letra y tres letras o dígitos (NE01).</translation>
    </message>
    <message>
        <source>The backup folder must be a full path, such as D:\Copias (or empty).</source>
        <translation>La carpeta de copias debe ser una ruta completa, como D:\Copias (o quedar vacía).</translation>
    </message>
    <message>
        <source>The backup interval must be a whole number of minutes from 5 to 1440.</source>
        <translation>El intervalo entre copias debe ser un número entero de minutos de 5 a 1440.</translation>
    </message>
    <message>
        <source>Encrypting backups must be on or off.</source>
        <translation>El cifrado de las copias debe estar activado o desactivado.</translation>
    </message>
    <message>
        <source>Two columns fill “{field}”: “{first}” and “{second}”; remove one or map it to another field.</source>
        <extracomment>The importable fields, in the order of the example file.</extracomment>
        <translation>Dos columnas llenan «{field}»: «{first}» y «{second}»; quite una o asígnela a otro campo.</translation>
    </message>
    <message>
        <source>No column holds “{field}”: add one, or map a column to it.</source>
        <translation>Ninguna columna contiene «{field}»: agregue una o asígnele una columna.</translation>
    </message>
    <message>
        <source>Cannot open {file}: {reason}</source>
        <extracomment>How many rows pass between two progress reports and cancel checks.</extracomment>
        <translation>No se puede abrir {file}: {reason}</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} está vacío.</translation>
    </message>
    <message>
        <source>{file} is an old Excel 97-2003 file (.xls): open it in Excel and save it as .xlsx or CSV.</source>
        <translation>{file} es un archivo antiguo de Excel 97-2003 (.xls): ábralo en Excel y guárdelo como .xlsx o CSV.</translation>
    </message>
    <message>
        <source>{user} may import trainees only into his own establishment.</source>
        <extracomment>Rows per INSERT statement of the bulk write.</extracomment>
        <translation>{user} solo puede importar internos a su propio establecimiento.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>Importación cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>No establishment: choose one for the whole file, or add an Establecimiento column.</source>
        <translation>Falta el establecimiento: elija uno para todo el archivo o agregue una columna Establecimiento.</translation>
    </message>
    <message>
        <source>This column is not recognised and will be ignored; map it to a field if it holds one.</source>
        <translation>Esta columna no se reconoce y se ignorará; asígnela a un campo si contiene uno.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>There are no trainees under the headings.</source>
        <translation>No hay internos debajo de los encabezados.</translation>
    </message>
    <message>
        <source>Another user registered some of these trainees meanwhile; nothing was imported. Check the file again.</source>
        <translation>Otro usuario registró a algunos de estos internos mientras tanto; no se importó nada. Revise el archivo de nuevo.</translation>
    </message>
    <message>
        <source>{file} is neither a CSV nor an .xlsx file.</source>
        <translation>{file} no es un archivo CSV ni .xlsx.</translation>
    </message>
    <message>
        <source>{file} cannot be read as CSV near row {row}: {reason}</source>
        <translation>{file} no se puede leer como CSV cerca de la fila {row}: {reason}</translation>
    </message>
    <message>
        <source>{file} is not an .xlsx file Excel can open, or it is damaged ({reason}).</source>
        <translation>{file} no es un archivo .xlsx que Excel pueda abrir, o está dañado ({reason}).</translation>
    </message>
    <message>
        <source>Unreadable date “{value}”: write it as dd/mm/yyyy.</source>
        <extracomment>Values Excel shows for a formula that failed: as an .xlsx stores them, and as a Spanish Excel writes them to CSV.</extracomment>
        <translation>Fecha ilegible «{value}»: escríbala como dd/mm/aaaa.</translation>
    </message>
    <message>
        <source>The date “{value}” does not exist.</source>
        <translation>La fecha «{value}» no existe.</translation>
    </message>
    <message>
        <source>Unknown sex “{value}”: write M or F.</source>
        <translation>Sexo desconocido «{value}»: escriba M o F.</translation>
    </message>
    <message>
        <source>Unknown legal situation “{value}”: write Procesado or Sentenciado.</source>
        <translation>Situación jurídica desconocida «{value}»: escriba Procesado o Sentenciado.</translation>
    </message>
    <message>
        <source>Unknown document type “{value}”: write DNI, CE, Pasaporte or Ninguno.</source>
        <translation>Tipo de documento desconocido «{value}»: escriba DNI, CE, Pasaporte o Ninguno.</translation>
    </message>
    <message>
        <source>Write Sí or No instead of “{value}”.</source>
        <translation>Escriba Sí o No en lugar de «{value}».</translation>
    </message>
    <message>
        <source>Repeated in the file: row {first} has the same inmate code {code}.</source>
        <extracomment>Finds an establishment by what a cell says; returns it, or a message saying why not.</extracomment>
        <translation>Repetido en el archivo: la fila {first} tiene el mismo código de interno {code}.</translation>
    </message>
    <message>
        <source>Repeated in the file: row {first} has the same document {number}.</source>
        <translation>Repetido en el archivo: la fila {first} tiene el mismo documento {number}.</translation>
    </message>
    <message>
        <source>This cell holds a formula without a saved value: open the file in Excel and save it again, or paste the values instead of the formulas.</source>
        <translation>Esta celda tiene una fórmula sin valor guardado: abra el archivo en Excel y guárdelo de nuevo, o pegue los valores en lugar de las fórmulas.</translation>
    </message>
    <message>
        <source>The cell shows Excel&apos;s error {value}: correct the formula or type the value.</source>
        <translation>La celda muestra el error de Excel {value}: corrija la fórmula o escriba el valor.</translation>
    </message>
    <message>
        <source>No establishment for this row: fill the Establecimiento column, or choose the establishment for the whole file.</source>
        <translation>Esta fila no tiene establecimiento: llene la columna Establecimiento o elija el establecimiento para todo el archivo.</translation>
    </message>
    <message>
        <source>Excel turned this cell into the date {value}: format the column as Text and type the value again.</source>
        <translation>Excel convirtió esta celda en la fecha {value}: dé a la columna el formato Texto y escriba el valor de nuevo.</translation>
    </message>
    <message>
        <source>The DNI had lost its leading zeros (Excel stored it as a number); read as {number}. Check it, and format the column as Text.</source>
        <translation>El DNI había perdido sus ceros iniciales (Excel lo guardó como número); se leyó como {number}. Revíselo y dé formato de Texto a la columna.</translation>
    </message>
    <message>
        <source>“{value}” has garbled accents (the file was saved in one encoding and read in another): correct it in the file.</source>
        <translation>«{value}» tiene tildes dañadas (el archivo se guardó con una codificación y se leyó con otra): corríjalo en el archivo.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Este campo es obligatorio.</translation>
    </message>
    <message>
        <source>Already registered in this establishment with this inmate code: {who}.</source>
        <translation>Ya está registrado en este establecimiento con este código de interno: {who}.</translation>
    </message>
    <message>
        <source>Already registered in this establishment with this document: {who}.</source>
        <translation>Ya está registrado en este establecimiento con este documento: {who}.</translation>
    </message>
    <message>
        <source>Choose the document type.</source>
        <extracomment>The fields in the order a form shows them (problems are listed in this order).</extracomment>
        <translation>Elija el tipo de documento.</translation>
    </message>
    <message>
        <source>A trainee without a document has no document number; choose its type.</source>
        <translation>Un interno sin documento no tiene número de documento; elija el tipo.</translation>
    </message>
    <message>
        <source>Enter the document number.</source>
        <translation>Escriba el número de documento.</translation>
    </message>
    <message>
        <source>A carné de extranjería or passport number has 1 to 12 letters and digits.</source>
        <translation>El número de carné de extranjería o de pasaporte tiene de 1 a 12 letras y dígitos.</translation>
    </message>
    <message>
        <source>At most {width} characters.</source>
        <translation>Máximo {width} caracteres.</translation>
    </message>
    <message>
        <source>A name has letters only (no digits or symbols).</source>
        <translation>Un nombre tiene solo letras (sin dígitos ni símbolos).</translation>
    </message>
    <message>
        <source>Choose a value.</source>
        <translation>Elija un valor.</translation>
    </message>
    <message>
        <source>The birth date {day} is too far back.</source>
        <translation>La fecha de nacimiento {day} es demasiado antigua.</translation>
    </message>
    <message>
        <source>Born on {day}, the trainee would be under 18 on {on}; check the date.</source>
        <translation>Si nació el {day}, el interno tendría menos de 18 años el {on}; revise la fecha.</translation>
    </message>
    <message>
        <source>The release date {day} is before the admission date {admission}.</source>
        <translation>La fecha de egreso {day} es anterior a la fecha de ingreso {admission}.</translation>
    </message>
    <message>
        <source>{name} already has the inmate code {code} in this establishment.</source>
        <translation>{name} ya tiene el código de interno {code} en este establecimiento.</translation>
    </message>
    <message>
        <source>{name} (inmate code {code}) already has this document in this establishment.</source>
        <translation>{name} (código de interno {code}) ya tiene este documento en este establecimiento.</translation>
    </message>
    <message>
        <source>To move a trainee to another establishment, transfer him.</source>
        <translation>Para pasar a un interno a otro establecimiento, regístrelo como traslado.</translation>
    </message>
    <message>
        <source>No establishment has the code {code}.</source>
        <translation>Ningún establecimiento tiene el código {code}.</translation>
    </message>
    <message>
        <source>There is no redemption rule with the key {key}.</source>
        <translation>No existe una regla de redención con la clave {key}.</translation>
    </message>
    <message>
        <source>{name} is already held in {establishment}.</source>
        <translation>{name} ya está recluido en {establishment}.</translation>
    </message>
    <message>
        <source>The transfer date {day} must be between admission and today.</source>
        <translation>La fecha de traslado {day} debe estar entre la fecha de ingreso y hoy.</translation>
    </message>
    <message>
        <source>{user} has no user account.</source>
        <translation>{user} no tiene una cuenta de usuario.</translation>
    </message>
    <message>
        <source>The account {user} is deactivated; ask an administrator.</source>
        <translation>La cuenta {user} está desactivada; consulte a un administrador.</translation>
    </message>
    <message>
        <source>The first account must be an administrator.</source>
        <translation>La primera cuenta debe ser de administrador.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>No puede desactivar su propia cuenta.</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>La contraseña nueva debe ser distinta de la actual.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <extracomment>Failed sign-ins in a row that lock an account. How long a locked account stays locked.</extracomment>
        <translation>Usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>The account {user} is locked after too many failed attempts, until {until}.</source>
        <translation>La cuenta {user} está bloqueada por demasiados intentos fallidos, hasta {until}.</translation>
    </message>
    <message>
        <source>There is no user number {id}.</source>
        <translation>No existe el usuario número {id}.</translation>
    </message>
    <message>
        <source>The user name must have 3 to 40 characters: letters a-z, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>El nombre de usuario debe tener de 3 a 40 caracteres: letras a-z, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Write the person&apos;s full name (up to 120 characters).</source>
        <translation>Escriba el nombre completo de la persona (hasta 120 caracteres).</translation>
    </message>
    <message>
        <source>The user name {username} is already taken.</source>
        <translation>El nombre de usuario {username} ya está en uso.</translation>
    </message>
    <message>
        <source>{user} is the last active administrator; name another administrator first.</source>
        <translation>{user} es el último administrador activo; nombre primero a otro administrador.</translation>
    </message>
    <message>
        <source>There is no establishment number {id}.</source>
        <extracomment>Display names of the roles, for a database whose catalogues were never loaded.</extracomment>
        <translation>No existe el establecimiento número {id}.</translation>
    </message>
    <message>
        <source>There is no workshop number {id}.</source>
        <translation>No existe el taller número {id}.</translation>
    </message>
    <message>
        <source>Workshop number {id} belongs to another establishment.</source>
        <translation>El taller número {id} pertenece a otro establecimiento.</translation>
    </message>
    <message>
        <source>{trainee} would have {hours} h on batches {batches} from {start} to {end}, but he attended this workshop only {attended} h on those days.</source>
        <translation>{trainee} tendría {hours} h en los lotes {batches} del {start} al {end}, pero asistió a este taller solo {attended} h esos días.</translation>
    </message>
    <message>
        <source>There is no order with the key {key}.</source>
        <extracomment>Deliveries whose lines count as delivered.</extracomment>
        <translation>No existe un pedido con la clave {key}.</translation>
    </message>
    <message>
        <source>Choose the establishment that takes the order.</source>
        <translation>Elija el establecimiento que recibe el pedido.</translation>
    </message>
    <message>
        <source>There is no establishment with the key {key}.</source>
        <translation>No existe un establecimiento con la clave {key}.</translation>
    </message>
    <message>
        <source>The due date cannot be before the order date {day}.</source>
        <translation>La fecha de entrega no puede ser anterior a la fecha del pedido {day}.</translation>
    </message>
    <message>
        <source>Agreement {number} is with another partner.</source>
        <translation>El convenio {number} es con otra empresa.</translation>
    </message>
    <message>
        <source>An order needs at least one line.</source>
        <translation>Un pedido necesita al menos una línea.</translation>
    </message>
    <message>
        <source>This line already has batches or deliveries; its product cannot change.</source>
        <translation>Esta línea ya tiene lotes o entregas; su producto no puede cambiar.</translation>
    </message>
    <message>
        <source>{delivered} were already delivered for this line.</source>
        <translation>Ya se entregaron {delivered} para esta línea.</translation>
    </message>
    <message>
        <source>This line is no longer part of the order.</source>
        <translation>Esta línea ya no forma parte del pedido.</translation>
    </message>
    <message>
        <source>Product {code} is retired.</source>
        <translation>El producto {code} está dado de baja.</translation>
    </message>
    <message>
        <source>The line of {code} has batches or deliveries; it cannot be removed.</source>
        <translation>La línea de {code} tiene lotes o entregas; no se puede quitar.</translation>
    </message>
    <message>
        <source>Order {number} is {state}; it can no longer change.</source>
        <translation>El pedido {number} está {state}; ya no puede cambiar.</translation>
    </message>
    <message>
        <source>Order {number} has delivery notes; its client cannot change.</source>
        <translation>El pedido {number} tiene notas de entrega; su cliente no puede cambiar.</translation>
    </message>
    <message>
        <source>Order {number} is already annulled.</source>
        <translation>El pedido {number} ya está anulado.</translation>
    </message>
    <message>
        <source>Order {number} has delivery notes; annul or delete them first.</source>
        <translation>El pedido {number} tiene notas de entrega; anúlelas o elimínelas primero.</translation>
    </message>
    <message>
        <source>Delivery note {number} is {state}; that cannot be done now.</source>
        <translation>La nota de entrega {number} está {state}; eso no se puede hacer ahora.</translation>
    </message>
    <message>
        <source>Batch {code} has only {left} {unit} left; this note asks for {wanted}.</source>
        <translation>Al lote {code} solo le quedan {left} {unit}; esta nota pide {wanted}.</translation>
    </message>
    <message>
        <source>Batch {code} is {state}; it cannot be delivered.</source>
        <translation>El lote {code} está {state}; no se puede entregar.</translation>
    </message>
    <message>
        <source>The transfer cannot start before the issue date {day}.</source>
        <translation>El traslado no puede empezar antes de la fecha de emisión {day}.</translation>
    </message>
    <message>
        <source>Series {series} is full; choose a new delivery series.</source>
        <translation>La serie {series} está completa; elija una nueva serie de notas de entrega.</translation>
    </message>
    <message>
        <source>Enter the name of who received the goods.</source>
        <translation>Escriba el nombre de quien recibió los bienes.</translation>
    </message>
    <message>
        <source>Enter the receiver&apos;s document number (up to 15 letters and digits).</source>
        <translation>Escriba el número de documento de quien recibe (hasta 15 letras y dígitos).</translation>
    </message>
    <message>
        <source>Certificate {number} is {state} already.</source>
        <translation>El certificado {number} ya está {state}.</translation>
    </message>
    <message>
        <source>Choose a day from the issue date {day} to today.</source>
        <translation>Elija un día entre la fecha de emisión {day} y hoy.</translation>
    </message>
    <message>
        <source>Certificate {number} comes from no enrolment; annul it instead.</source>
        <translation>El certificado {number} no proviene de una inscripción; anúlelo.</translation>
    </message>
    <message>
        <source>The batch of line {line} shows fewer delivered units than the note; run the database check.</source>
        <translation>El lote de la línea {line} muestra menos unidades entregadas que la nota; ejecute la verificación de la base de datos.</translation>
    </message>
    <message>
        <source>A note cannot be annulled before its issue date {day}.</source>
        <translation>Una nota no puede anularse antes de su fecha de emisión {day}.</translation>
    </message>
    <message>
        <source>There is no delivery note with the key {key}.</source>
        <extracomment>Fields of the detail read straight from the delivery record.</extracomment>
        <translation>No existe una nota de entrega con la clave {key}.</translation>
    </message>
    <message>
        <source>Unknown demo scale {scale}.</source>
        <extracomment>The labels ``progress`` receives, in order (translate them under context &quot;demo&quot;).</extracomment>
        <translation>Escala de demostración desconocida: {scale}.</translation>
    </message>
    <message>
        <source>This database already holds trainees; demo data goes only into a new, empty database.</source>
        <extracomment>The establishment a site-sized demo fills, and whose series is the default NE01.</extracomment>
        <translation>Esta base de datos ya tiene internos; los datos de demostración solo van en una base de datos nueva y vacía.</translation>
    </message>
    <message>
        <source>The establishment {code} is not in the catalogue.</source>
        <translation>El establecimiento {code} no está en el catálogo.</translation>
    </message>
    <message>
        <source>The passphrase must have at least {count} characters.</source>
        <extracomment>Argon2id parameters for newly sealed keys (stored with each key; tests lower them).</extracomment>
        <translation>La frase de contraseña debe tener al menos {count} caracteres.</translation>
    </message>
    <message>
        <source>The stored private key {key_id} is damaged; restore a backup or create a new key.</source>
        <translation>La clave privada guardada {key_id} está dañada; restaure una copia de seguridad o cree una clave nueva.</translation>
    </message>
    <message>
        <source>Wrong passphrase for signing key {key_id}; nothing was signed.</source>
        <translation>Frase de contraseña incorrecta para la clave de firma {key_id}; no se firmó nada.</translation>
    </message>
    <message>
        <source>There is no establishment with code {code}.</source>
        <translation>No existe un establecimiento con el código {code}.</translation>
    </message>
    <message>
        <source>Key {key_id} of {code} starts on {day}, after the new key; choose a later start date.</source>
        <translation>La clave {key_id} de {code} empieza el {day}, después de la clave nueva; elija una fecha de inicio posterior.</translation>
    </message>
    <message>
        <source>There is no signing key {key_id}.</source>
        <translation>No existe la clave de firma {key_id}.</translation>
    </message>
    <message>
        <source>Key {key_id} was imported from another installation: its establishment revokes it, and the revocation arrives with its public keys file.</source>
        <translation>La clave {key_id} se importó de otra instalación: la revoca su establecimiento, y la revocación llega con su archivo de claves públicas.</translation>
    </message>
    <message>
        <source>The last valid day cannot be after today.</source>
        <translation>El último día válido no puede ser posterior a hoy.</translation>
    </message>
    <message>
        <source>Key {key_id} starts on {day}; its last valid day cannot be earlier.</source>
        <translation>La clave {key_id} empieza el {day}; su último día válido no puede ser anterior.</translation>
    </message>
    <message>
        <source>Key {key_id} is valid only until {day} already; a revocation can only end it earlier.</source>
        <translation>La clave {key_id} ya es válida solo hasta el {day}; una revocación solo puede terminarla antes.</translation>
    </message>
    <message>
        <source>Key {key_id} was imported from another installation: it verifies certificates but cannot sign them.</source>
        <translation>La clave {key_id} se importó de otra instalación: verifica certificados pero no puede firmarlos.</translation>
    </message>
    <message>
        <source>No signing key of {code} is valid on {day}; an administrator creates one.</source>
        <translation>Ninguna clave de firma de {code} es válida el {day}; un administrador debe crear una.</translation>
    </message>
    <message>
        <source>Key {key_id} is known here with other data; the file was not imported. Compare fingerprints with the issuing establishment.</source>
        <translation>La clave {key_id} ya está registrada aquí con otros datos; el archivo no se importó. Compare las huellas con el establecimiento emisor.</translation>
    </message>
    <message>
        <source>This is not a readable public-keys file: {detail}.</source>
        <translation>Este no es un archivo de claves públicas legible: {detail}.</translation>
    </message>
    <message>
        <source>There is no workshop with code {code}.</source>
        <translation>No existe un taller con el código {code}.</translation>
    </message>
    <message>
        <source>No trainee has the document or inmate code {value}.</source>
        <translation>Ningún interno tiene el documento o código de interno {value}.</translation>
    </message>
    <message>
        <source>Several trainees have the document or inmate code {value}; use the inmate code.</source>
        <translation>Varios internos tienen el documento o código de interno {value}; use el código de interno.</translation>
    </message>
    <message>
        <source>Cancelled: no backup was kept and nothing changed.</source>
        <translation>Cancelado: no se guardó ninguna copia y nada cambió.</translation>
    </message>
    <message>
        <source>There is no room left on {folder} for the backup; nothing was kept. Free some space or choose another backup folder.</source>
        <extracomment>``progress(done, total)``: ``total`` is always :data:`PROGRESS_TOTAL`.</extracomment>
        <translation>No queda espacio en {folder} para la copia de seguridad; no se guardó nada. Libere espacio o elija otra carpeta de copias.</translation>
    </message>
    <message>
        <source>Could not write the backup {path}: {detail}</source>
        <translation>No se pudo escribir la copia de seguridad {path}: {detail}</translation>
    </message>
    <message>
        <source>Could not copy the database to {path}: {detail}</source>
        <translation>No se pudo copiar la base de datos a {path}: {detail}</translation>
    </message>
    <message>
        <source>The copy of the database failed its check and was discarded: {detail}</source>
        <translation>La copia de la base de datos no pasó la verificación y se descartó: {detail}</translation>
    </message>
    <message>
        <source>Too many backups at once in {folder}.</source>
        <translation>Demasiadas copias de seguridad a la vez en {folder}.</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be used: {detail}</source>
        <translation>No se puede usar la carpeta de copias {folder}: {detail}</translation>
    </message>
    <message>
        <source>The backup written to {path} reads back differently; the disk may be failing. Nothing was kept.</source>
        <translation>La copia escrita en {path} se lee de forma distinta; el disco puede estar fallando. No se guardó nada.</translation>
    </message>
    <message>
        <source>The backup {path} failed its check and was not restored; the database was not changed. Problems: {detail}</source>
        <translation>La copia {path} no pasó la verificación y no se restauró; la base de datos no cambió. Problemas: {detail}</translation>
    </message>
    <message>
        <source>The current database could not be kept before the restore ({detail}); nothing was changed.</source>
        <translation>No se pudo conservar la base de datos actual antes de restaurar ({detail}); no se cambió nada.</translation>
    </message>
    <message>
        <source>The database {path} is being opened by another program right now; try again in a moment.</source>
        <translation>Otro programa está abriendo la base de datos {path} en este momento; intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The database {path} is open on computer {host} by user {user} (since {since}). Close the program there, or open the database read-only.</source>
        <translation>La base de datos {path} está abierta en la computadora {host} por el usuario {user} (desde {since}). Cierre el programa allí o abra la base de datos solo para lectura.</translation>
    </message>
    <message>
        <source>Cannot write the lock file {path}: {detail}</source>
        <translation>No se puede escribir el archivo de bloqueo {path}: {detail}</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({detail}). Restore the newest good backup (carceles-desktop restore FILE).</source>
        <translation>La base de datos {path} está dañada ({detail}). Restaure la copia de seguridad buena más reciente (carceles-desktop restore ARCHIVO).</translation>
    </message>
    <message>
        <source>Back up the PostgreSQL database with the server&apos;s tools before upgrading.</source>
        <extracomment>Above this size the window&apos;s start-up quick_check (it reads every page: about 3 s for 1 GB) runs after the window shows instead of before.</extracomment>
        <translation>Haga una copia de la base de datos PostgreSQL con las herramientas del servidor antes de actualizarla.</translation>
    </message>
    <message>
        <source>The database {path} cannot be read: {detail}</source>
        <translation>No se puede leer la base de datos {path}: {detail}</translation>
    </message>
    <message>
        <source>{path} is not a database of this program (not a SQLite file).</source>
        <translation>{path} no es una base de datos de este programa (no es un archivo SQLite).</translation>
    </message>
    <message>
        <source>The database {path} needs an upgrade, which cannot be done read-only. Open it normally once the other program has closed it.</source>
        <translation>La base de datos {path} necesita una actualización, que no se puede hacer en modo solo lectura. Ábrala normalmente cuando el otro programa la haya cerrado.</translation>
    </message>
    <message>
        <source>Cannot understand the database address {url}.</source>
        <extracomment>Execution option a unit of work sets on its connection: False for read-only work.</extracomment>
        <translation>No se entiende la dirección de la base de datos {url}.</translation>
    </message>
    <message>
        <source>Database type {backend} is not supported; use a SQLite file or PostgreSQL.</source>
        <translation>El tipo de base de datos {backend} no es compatible; use un archivo SQLite o PostgreSQL.</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>No hay ninguna base de datos en {path}.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>La carpeta {folder} no existe.</translation>
    </message>
    <message>
        <source>No passphrase: set CARCELES_KEY_PASSPHRASE or run in a terminal.</source>
        <extracomment>The verdict, in the words printed on the terminal.</extracomment>
        <translation>No hay frase de contraseña: defina CARCELES_KEY_PASSPHRASE o ejecute en un terminal.</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was created.</source>
        <translation>Las dos frases de contraseña no coinciden; no se creó nada.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>No se puede escribir {path}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>No se puede leer {path}: {reason}.</translation>
    </message>
    <message>
        <source>The passphrase does not open this backup. Check it and try again.</source>
        <translation>La frase de contraseña no abre esta copia de seguridad. Revísela e intente de nuevo.</translation>
    </message>
    <message>
        <source>The encrypted backup {path} is damaged or cut short and cannot be used.</source>
        <translation>La copia cifrada {path} está dañada o incompleta y no se puede usar.</translation>
    </message>
    <message>
        <source>The backup passphrase must have at least {count} characters.</source>
        <translation>La frase de contraseña de la copia debe tener al menos {count} caracteres.</translation>
    </message>
    <message>
        <source>The backup {path} was encrypted by a newer version of the program.</source>
        <translation>La copia {path} fue cifrada por una versión más reciente del programa.</translation>
    </message>
    <message>
        <source>Backups are encrypted: give the passphrase (or set CARCELES_BACKUP_PASSPHRASE).</source>
        <extracomment>Environment variable holding the backup passphrase (never stored by the program).</extracomment>
        <translation>Las copias de seguridad están cifradas: indique la frase de paso (o defina CARCELES_BACKUP_PASSPHRASE).</translation>
    </message>
    <message>
        <source>{file} has {count} errors (the first in row {first_row}); nothing was imported.</source>
        <translation>{file} tiene {count} errores (el primero en la fila {first_row}); no se importó nada.</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was done.</source>
        <translation>Las dos frases de paso son distintas; no se hizo nada.</translation>
    </message>
    <message>
        <source>Restoring replaces the database: add --yes to confirm it.</source>
        <translation>Restaurar reemplaza la base de datos: agregue --yes para confirmarlo.</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>No hay ninguna copia de seguridad en {path}.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>La carpeta {path} no existe.</translation>
    </message>
    <message>
        <source>There is no certificate {key}.</source>
        <extracomment>Called as ``progress(done, total)``. The default name of one certificate&apos;s file; fields: number, surnames, names, inmate_code.</extracomment>
        <translation>No existe el certificado {key}.</translation>
    </message>
    <message>
        <source>{name} cannot be certified yet: {missing}</source>
        <translation>{name} todavía no puede certificarse: {missing}</translation>
    </message>
    <message>
        <source>{name} already holds certificate {number} for this enrolment; annul or replace it instead.</source>
        <translation>{name} ya tiene el certificado {number} por esta inscripción; anúlelo o reemplácelo.</translation>
    </message>
    <message>
        <source>A certificate cannot be issued before the training ends ({end}).</source>
        <translation>No se puede emitir un certificado antes de que termine la capacitación ({end}).</translation>
    </message>
    <message>
        <source>Key {key_id} cannot sign certificates of {code} issued on {day}.</source>
        <translation>La clave {key_id} no puede firmar certificados de {code} emitidos el {day}.</translation>
    </message>
    <message>
        <source>The certificate series of {code} for {year} is full.</source>
        <translation>La serie de certificados de {code} para {year} está completa.</translation>
    </message>
    <message>
        <source>{user} may not see certificate {number}.</source>
        <translation>{user} no puede ver el certificado {number}.</translation>
    </message>
    <message>
        <source>A competency code has 1 to {width} letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;.</source>
        <extracomment>Most nominal hours one module may have (a year of full days is about 2,000).</extracomment>
        <translation>El código de una competencia tiene de 1 a {width} letras, dígitos, &apos;-&apos;, &apos;_&apos; o &apos;.&apos;.</translation>
    </message>
    <message>
        <source>The hours must be a whole number from 0 to {most}.</source>
        <translation>Las horas deben ser un número entero de 0 a {most}.</translation>
    </message>
    <message>
        <source>The position must be a whole number, 0 or more.</source>
        <translation>La posición debe ser un número entero, 0 o mayor.</translation>
    </message>
    <message>
        <source>Enter the competency&apos;s name.</source>
        <translation>Ingrese el nombre de la competencia.</translation>
    </message>
    <message>
        <source>The trade {trade} already has a competency {code}.</source>
        <translation>El oficio {trade} ya tiene una competencia {code}.</translation>
    </message>
    <message>
        <source>There is no delivery note numbered {number}.</source>
        <translation>No hay una nota de entrega con el número {number}.</translation>
    </message>
    <message>
        <source>Several establishments have a note numbered {number} ({places}); name the establishment.</source>
        <translation>Varios establecimientos tienen una nota con el número {number} ({places}); indique el establecimiento.</translation>
    </message>
    <message>
        <source>This program backs up SQLite databases only; back up the PostgreSQL database with the server&apos;s tools (pg_dump).</source>
        <extracomment>Backups and restores here are of SQLite files; PostgreSQL has its own tools.</extracomment>
        <translation>Este programa solo hace copias de seguridad de bases de datos SQLite; haga la copia de la base de datos PostgreSQL con las herramientas del servidor (pg_dump).</translation>
    </message>
    <message>
        <source>The database {path} is sound: sign in as a user who may restore backups.</source>
        <translation>La base de datos {path} está en buen estado: ingrese como un usuario que pueda restaurar copias de seguridad.</translation>
    </message>
    <message>
        <source>Only {user} may unlock this session.</source>
        <translation>Solo {user} puede desbloquear esta sesión.</translation>
    </message>
    <message>
        <source>This window opened the database read-only because another program holds it; nothing can be saved here. Close the other program and open this one again to make changes.</source>
        <translation>Esta ventana abrió la base de datos en modo de solo lectura porque otro programa la tiene abierta; aquí no se puede guardar nada. Cierre el otro programa y vuelva a abrir este para hacer cambios.</translation>
    </message>
    <message>
        <source>The backup {path} cannot be read: {detail}</source>
        <extracomment>First bytes of an encrypted backup (the services layer writes the rest of the header). zlib level. Measured on the site demo database (36.8 MB, 132,000 attendance rows): level 1 gives 2.58:1, 3 gives 2.62:1, 6 gives 2.83:1, 9 gives 2.84:1 at half again the time of 6; level 6 costs about 0.4 s more than level 1 per 40 MB.</extracomment>
        <translation>No se puede leer la copia de seguridad {path}: {detail}</translation>
    </message>
    <message>
        <source>{path} is not a backup of this program (neither SQLite, gzip nor encrypted).</source>
        <translation>{path} no es una copia de seguridad de este programa (no es SQLite, gzip ni cifrada).</translation>
    </message>
    <message>
        <source>The backup {path} is encrypted: give its passphrase (or set CARCELES_BACKUP_PASSPHRASE).</source>
        <translation>La copia de seguridad {path} está cifrada: indique su frase de paso (o defina CARCELES_BACKUP_PASSPHRASE).</translation>
    </message>
    <message>
        <source>The backup {path} is damaged and cannot be used: {detail}</source>
        <translation>La copia de seguridad {path} está dañada y no se puede usar: {detail}</translation>
    </message>
    <message>
        <source>Could not write {path}: {detail}</source>
        <translation>No se pudo escribir {path}: {detail}</translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved and nothing saved before was lost. Free some space and try again.</source>
        <translation>El disco está lleno: el cambio no se guardó y no se perdió nada de lo guardado antes. Libere espacio e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The database is busy with another program&apos;s change. Wait a moment and try again.</source>
        <translation>La base de datos está ocupada con un cambio de otro programa. Espere un momento e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The database can only be read here (read-only file or folder); nothing was saved.</source>
        <translation>Aquí la base de datos solo puede leerse (archivo o carpeta de solo lectura); no se guardó nada.</translation>
    </message>
    <message>
        <source>The database file is damaged or is not a database of this program. Restore it from a backup (carceles-desktop restore).</source>
        <translation>El archivo de la base de datos está dañado o no es una base de datos de este programa. Restáurela desde una copia de seguridad (carceles-desktop restore).</translation>
    </message>
    <message>
        <source>The database file cannot be opened: check that it exists and may be written.</source>
        <translation>No se puede abrir el archivo de la base de datos: compruebe que existe y que se puede escribir en él.</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check the network and the server address.</source>
        <translation>No se puede llegar al servidor de la base de datos. Revise la red y la dirección del servidor.</translation>
    </message>
    <message>
        <source>The database {path} is on a network share (UNC path). Keep the database on this computer&apos;s own disk; to share records between several computers, use a PostgreSQL server (--database postgresql+psycopg://…).</source>
        <translation>La base de datos {path} está en una carpeta compartida de red (ruta UNC). Mantenga la base de datos en el disco de esta computadora; para compartir los registros entre varias computadoras, use un servidor PostgreSQL (--database postgresql+psycopg://…).</translation>
    </message>
    <message>
        <source>The database {path} is in a cloud-synchronised folder ({folder}), which can corrupt it. Keep the database on this computer&apos;s own disk; to share records between several computers, use a PostgreSQL server (--database postgresql+psycopg://…).</source>
        <translation>La base de datos {path} está en una carpeta sincronizada con la nube ({folder}), que puede dañarla. Mantenga la base de datos en el disco de esta computadora; para compartir los registros entre varias computadoras, use un servidor PostgreSQL (--database postgresql+psycopg://…).</translation>
    </message>
    <message>
        <source>The database {path} is on a network file system ({fs}). Keep the database on this computer&apos;s own disk; to share records between several computers, use a PostgreSQL server (--database postgresql+psycopg://…).</source>
        <translation>La base de datos {path} está en un sistema de archivos de red ({fs}). Mantenga la base de datos en el disco de esta computadora; para compartir los registros entre varias computadoras, use un servidor PostgreSQL (--database postgresql+psycopg://…).</translation>
    </message>
    <message>
        <source>The database {path} is on a mapped network drive ({drive}). Keep the database on this computer&apos;s own disk; to share records between several computers, use a PostgreSQL server (--database postgresql+psycopg://…).</source>
        <translation>La base de datos {path} está en una unidad de red asignada ({drive}). Mantenga la base de datos en el disco de esta computadora; para compartir los registros entre varias computadoras, use un servidor PostgreSQL (--database postgresql+psycopg://…).</translation>
    </message>
    <message>
        <source>This database was written by a newer version of the program (schema {current}); this version knows up to {head}. Install the newer version to open it.</source>
        <extracomment>The newest revision shipped (a test checks it against the migration scripts). At start-up a database at this revision is recognised with one query, without loading Alembic and parsing its scripts (about a tenth of a second).</extracomment>
        <translation>Esta base de datos fue escrita por una versión más nueva del programa (esquema {current}); esta versión conoce hasta {head}. Instale la versión más nueva para abrirla.</translation>
    </message>
    <message>
        <source>This database was not made by this program (it has tables but no schema revision). Choose another file.</source>
        <translation>Esta base de datos no fue creada por este programa (tiene tablas pero ninguna revisión de esquema). Elija otro archivo.</translation>
    </message>
    <message>
        <source>Upgrading the database failed and it was left as it was before. A copy taken before the upgrade is at {backup}. Details: {detail}</source>
        <translation>La actualización de la base de datos falló y quedó como estaba. Hay una copia tomada antes de la actualización en {backup}. Detalle: {detail}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Planned</source>
        <translation>Planificado</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>En proceso</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Annulled</source>
        <translation>Anulado</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>En producción</translation>
    </message>
    <message>
        <source>Partly delivered</source>
        <translation>Entregado en parte</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>State entity</source>
        <translation>Entidad del Estado</translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation>Persona natural</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>01 Public transport (carrier)</source>
        <translation>01 Transporte público (transportista)</translation>
    </message>
    <message>
        <source>02 Private transport (own vehicle)</source>
        <translation>02 Transporte privado (vehículo propio)</translation>
    </message>
    <message>
        <source>RUC</source>
        <extracomment>SUNAT catalogue 06 (identity documents), by code, as the forms name them.</extracomment>
        <translation>RUC</translation>
    </message>
    <message>
        <source>DNI</source>
        <translation>DNI</translation>
    </message>
    <message>
        <source>Foreigner ID card</source>
        <translation>Carné de extranjería</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Pasaporte</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Otro documento</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>Sin documento</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Culminado</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Trasladado</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Liberado</translation>
    </message>
    <message>
        <source>Awaiting trial</source>
        <translation>Procesado</translation>
    </message>
    <message>
        <source>Sentenced</source>
        <translation>Sentenciado</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Run by the establishment</source>
        <translation>Administración directa</translation>
    </message>
    <message>
        <source>Partner company</source>
        <translation>Empresa aliada (convenio)</translation>
    </message>
    <message>
        <source>Inmates&apos; own venture</source>
        <translation>Emprendimiento de internos</translation>
    </message>
    <message>
        <source>Training (CETPRO)</source>
        <translation>Capacitación (CETPRO)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Head of work</source>
        <translation>Jefe de trabajo</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Institutional fund for reinvestment in workshops</source>
        <extracomment>Where the reparation share goes when none is owed (keys of the settings service).</extracomment>
        <translation>Fondo institucional de reinversión en talleres</translation>
    </message>
    <message>
        <source>To the trainee (added to his share)</source>
        <translation>Al interno (se suma a su parte)</translation>
    </message>
    <message>
        <source>Reserve account until an authority decides</source>
        <translation>Cuenta de reserva hasta que la autoridad decida</translation>
    </message>
    <message>
        <source>Director</source>
        <extracomment>Signature lines of certificates, by role key of the settings service.</extracomment>
        <translation>Director</translation>
    </message>
    <message>
        <source>Instructor</source>
        <translation>Instructor</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>verification</name>
    <message>
        <source>Unreadable: this is not a certificate code, or it was read incompletely. Scan it again.</source>
        <translation>Ilegible: no es un código de certificado o se leyó incompleto. Escanéelo de nuevo.</translation>
    </message>
    <message>
        <source>Unreadable: no certificate code was found in this PDF.</source>
        <translation>Ilegible: no se encontró ningún código de certificado en este PDF.</translation>
    </message>
    <message>
        <source>Unreadable: the file cannot be read as a PDF.</source>
        <translation>Ilegible: el archivo no se puede leer como PDF.</translation>
    </message>
    <message>
        <source>Unknown key {key_id}: import the public keys of {code} to check this certificate. Its fields are not yet proven.</source>
        <translation>Clave desconocida {key_id}: importe las claves públicas de {code} para verificar este certificado. Sus datos aún no están comprobados.</translation>
    </message>
    <message>
        <source>Altered: the signature does not match the data. Do not accept this certificate.</source>
        <translation>Alterado: la firma no corresponde a los datos. No acepte este certificado.</translation>
    </message>
    <message>
        <source>Altered: the certificate names {code} but is signed with a key of {key_code}. Do not accept it.</source>
        <translation>Alterado: el certificado indica {code} pero está firmado con una clave de {key_code}. No lo acepte.</translation>
    </message>
    <message>
        <source>Key {key_id} was not valid on the issue date {issued} (valid {span}).</source>
        <translation>La clave {key_id} no era válida en la fecha de emisión {issued} (válida {span}).</translation>
    </message>
    <message>
        <source>Annulled on {day}: this certificate is no longer valid.</source>
        <translation>Anulado el {day}: este certificado ya no es válido.</translation>
    </message>
    <message>
        <source>Replaced by certificate {number}: ask for the newer paper.</source>
        <translation>Reemplazado por el certificado {number}: pida el documento más reciente.</translation>
    </message>
    <message>
        <source>Altered: certificate {number} is recorded here with other data. Do not accept it; report it to the establishment.</source>
        <translation>Alterado: el certificado {number} está registrado aquí con otros datos. No lo acepte; informe al establecimiento.</translation>
    </message>
    <message>
        <source>Valid: signed by {code} with key {key_id}. Not recorded in this installation; compare the fields with the paper.</source>
        <translation>Válido: firmado por {code} con la clave {key_id}. No está registrado en esta instalación; compare los datos con el documento.</translation>
    </message>
    <message>
        <source>Valid: signed by {code} with key {key_id} and recorded here as current. Compare the fields with the paper.</source>
        <translation>Válido: firmado por {code} con la clave {key_id} y registrado aquí como vigente. Compare los datos con el documento.</translation>
    </message>
    <message>
        <source>The PDF holds {count} certificates; verify them one by one.</source>
        <translation>El PDF contiene {count} certificados; verifíquelos uno por uno.</translation>
    </message>
</context>
</TS>
