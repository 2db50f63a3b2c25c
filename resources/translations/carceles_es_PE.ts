<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_PE" sourcelanguage="en">
<context>
    <name>Areas</name>
    <message>
        <source>Workshops</source>
        <translation>Talleres</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>Internos</translation>
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
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
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
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
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
        <extracomment>New cells listed one by one in the audit entry up to this many; beyond, counted.</extracomment>
        <translation>No se guardó nada: hay {count} celdas con errores.</translation>
    </message>
    <message>
        <source>There is no month {month} of {year}.</source>
        <translation>No existe el mes {month} del año {year}.</translation>
    </message>
    <message>
        <source>{user} may see only the workshops assigned to him.</source>
        <translation>{user} solo puede ver los talleres que tiene asignados.</translation>
    </message>
    <message>
        <source>Hours must be a number.</source>
        <extracomment>hours the same trainees worked elsewhere, by (trainee, day)</extracomment>
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
        <extracomment>Sort keys of :func:`search_trainees`. Sort keys of :func:`search_workshops`. Sort keys whose column may be empty; they sort last both ways on both backends (SQLite and PostgreSQL differ by default). NULLS LAST is kept off the others so that SQLite can still walk the name index instead of sorting.</extracomment>
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
        <extracomment>Most rows one page of a list returns. Width of a reason for annulling (the ``annul_reason`` columns).</extracomment>
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
        <extracomment>The steps an enrolment may take, from each state. States of an enrolment that still holds (or waits for) a place.</extracomment>
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
        <translation>No existe una inscripción con la clave {key}.</translation>
    </message>
    <message>
        <source>The date {day} is in the future.</source>
        <translation>La fecha {day} es posterior a hoy.</translation>
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
        <extracomment>Values Excel shows (and writes to CSV) for a formula that failed.</extracomment>
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
        <extracomment>Failed sign-ins in a row that lock an account. How long a locked account stays locked.</extracomment>
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
        <source>Choose a day from the issue date {day} to today.</source>
        <translation>Elija un día entre la fecha de emisión {day} y hoy.</translation>
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
        <extracomment>First bytes of an encrypted backup (the services layer writes the rest of the header). zlib level: 3 compresses a database within a few percent of level 9 at a third of the time (measured on attendance tables: ratio about 3:1).</extracomment>
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
        <source>The database {path} needs an upgrade, which cannot be done read-only. Open it normally once the other program has closed it.</source>
        <translation>La base de datos {path} necesita una actualización, que no se puede hacer en modo solo lectura. Ábrala normalmente cuando el otro programa la haya cerrado.</translation>
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
        <source>{file} has {count} errors (the first in row {first_row}); nothing was imported.</source>
        <translation>{file} tiene {count} errores (el primero en la fila {first_row}); no se importó nada.</translation>
    </message>
</context>
<context>
    <name>labels</name>
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
