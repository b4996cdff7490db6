# Las palabras de Trayecto en español. Un mensaje por línea; el programa rellena `{ $name }`.
# Todo mensaje de en.ftl debe existir también aquí (lo comprueba una prueba).

untitled = Sin título
menu-file = Archivo
menu-edit = Editar
menu-view = Ver
language = Idioma
menu-insert = Insertar
new-blank = Nuevo
new-from-template = Nuevo desde plantilla
open = Abrir…
open-recent = Abrir reciente
no-recent = No hay mapas recientes
clear-recent = Borrar la lista
save = Guardar
save-as = Guardar como…
quit = Salir
undo = Deshacer
redo = Rehacer
delete = Eliminar
duplicate = Duplicar
rename = Cambiar nombre
add-stage = Añadir etapa
add-lane = Añadir carril
fit-map = Ajustar el mapa a la ventana
zoom-in = Acercar
zoom-out = Alejar
zoom-reset = Tamaño real
export-image = Exportar imagen o PDF
export-menu = Exportar imagen o PDF…
copy-image = Copiar imagen
export-format = Formato
format-png = PNG
format-svg = SVG
export-scale = Escala
export-background = Fondo
background-white = Blanco
background-transparent = Transparente
background-theme = Tema
export-include = Incluir
export-title = Título del mapa
export-persona = Persona
export-legend = Leyenda de emociones
export-button = Exportar…
too-large-hint = Demasiado grande para un PNG: hace falta una escala menor, o SVG.
exporting = Exportando…
export-crashed = La exportación se detuvo de forma inesperada; no se escribió nada.
map = Mapa
title = Título
persona = Persona
persona-name = Nombre de la persona
persona-description = Descripción
persona-goals = Objetivos (uno por línea)
persona-needs = Frustraciones y necesidades (una por línea)
persona-picture = Imagen (un PNG o JPEG en la carpeta del mapa)
picture-hint = p. ej. lucia.jpg
choose-picture = Elegir imagen…
delete-persona = Eliminar persona
no-persona-hint = Este trayecto aún no tiene persona: se puede elegir una arriba o crear una nueva.
no-persona = Ninguna
new-persona = Nueva persona
new-persona-name = Nueva persona
journey = Trayecto
journey-name = Nombre del trayecto
journey-kind = Tipo
journey-persona = Persona
delete-journey = Eliminar trayecto
last-journey = Un mapa necesita al menos un trayecto
no-kpis-hint = Todavía ningún KPI mide esta etapa.
add-kpi = Añadir KPI
new-kpi = Nuevo KPI
kpi-name = Nombre del KPI
kpi-unit = Unidad
kpi-current = Hoy
kpi-target = Objetivo
delete-kpi = Eliminar KPI
moment-none = No
moment-gain = Ganancia
moment-pain = Dolor
moment-why = Por qué importa
picture-filter = Imágenes
picture-needs-saved-map = Primero hay que guardar el mapa: la imagen de una persona se guarda junto al archivo del mapa
goals = Objetivos
card = Tarjeta
notes = Notas
channel = Canal
no-channel = Ninguno
feeling = Emoción
no-feeling = Sin emoción
set-feeling = Asignar emoción
moment-that-matters = Momento que importa
not-a-moment = No es un momento que importe
journey-bar = Trayecto:
overlay = Actual + objetivo
overlay-hint = Las dos curvas emocionales en un mismo mapa, con la brecha entre ellas
overlay-needs-target = Requiere un trayecto actual y uno objetivo: + → Crear objetivo a partir del actual
target-from-current = Crear objetivo a partir del actual
target-exists = El mapa ya tiene un trayecto objetivo: está en las pestañas sobre el mapa
new-journey = Nuevo trayecto vacío
add-journey = Añadir un trayecto
gap-panel = Análisis de brechas
target-journey-name = Trayecto objetivo
new-journey-name = Nuevo trayecto
legend-feelings = Emociones:
legend-curves = Curvas:
legend-extremes = Puntos más altos y más bajos
gap-up = Brecha por cerrar (hacia arriba)
gap-down = Brecha (hacia abajo)
needs = Frustraciones y necesidades
kpis = KPI
stage = Etapa
lane = Carril
name = Nombre
kind = Tipo
stage-feeling = Emoción en la curva
stage-feeling-average = Seguir las tarjetas
kind-locked = Para convertirlo en un carril de emociones, primero hay que mover sus tarjetas a otro carril.
inspector-hint = Clic en una tarjeta, etapa o carril para editarlo. Doble clic en un espacio libre de una celda para añadir una tarjeta; las tarjetas y los encabezados se mueven arrastrándolos.
new-stage = Nueva etapa
new-lane = Nuevo carril
new-card-hint = Escribir un título, Intro para añadir
unsaved-title = Cambios sin guardar
save-button = Guardar
discard-button = No guardar
cancel-button = Cancelar
ok-button = Aceptar
open-button = Abrir
save-as-button = Guardar
error-title = Algo salió mal
path-label = Ruta
no-native-dialog = Este sistema no tiene un diálogo de archivos nativo. Escribe aquí la ruta del archivo.
file-filter = Mapas de trayecto
recover-title = Se encontró trabajo sin guardar
recover-explained = El editor se cerró antes de que se guardaran estos mapas. Al restaurar uno, sigues donde lo dejaste.
never-saved = nunca guardado
restore-button = Restaurar
discard-recovery-button = Descartar
keep-for-later = Dejar para más tarde
recover-menu = Recuperar trabajo sin guardar…
nothing-to-recover = No hay trabajo sin guardar que recuperar
conflict-title = El archivo cambió en el disco
keep-mine = Conservar la mía (sobrescribir)
take-theirs = Usar la del disco
save-copy = Guardar la mía como copia…
cli-about = Trayecto: crea mapas del trayecto del cliente.
cli-path = Archivo de mapa que abrir (si se omite, el ejemplo incorporado)
cli-templates = Listar las plantillas incorporadas
cli-new = Escribir un mapa nuevo a partir de una plantilla
cli-template = Nombre de la plantilla (ver `trayecto templates`)
cli-output = Dónde escribir el mapa
cli-force = Sobrescribir el archivo si ya existe
cli-export = Exportar un mapa como imagen PNG o SVG o como documento PDF
cli-export-map = El archivo de mapa que exportar
cli-export-output = El archivo que escribir: .png, .svg o .pdf
cli-export-scale = Píxeles por punto para PNG, de 1 a 8
cli-export-background = Fondo de la imagen
cli-no-title = Omitir el título del mapa
cli-no-persona = Omitir la franja de la persona
cli-no-legend = Omitir la leyenda de emociones
cli-validate = Comprobar archivos de mapa e imprimir un resumen de cada uno
cli-validate-paths = Archivos de mapa que comprobar
cli-journey = Qué trayecto dibujar: el actual, el objetivo o las dos curvas superpuestas
cli-info = Resumir un mapa: etapas, carriles, personas, trayectos, momentos, KPI
cli-gap = La brecha entre el trayecto actual y el objetivo, de mayor a menor
cli-report-map = El archivo de mapa
cli-json = Igual que --format json
cli-upgrade = Reescribir mapas en el formato actual, conservando una vez cada original como NOMBRE.ron.bak
cli-upgrade-paths = Archivos de mapa que actualizar
cli-view = Qué dibujar: un trayecto (ver --journey), el tablero de la hoja de ruta, el análisis de brechas o la tabla de acciones
cli-roadmap = Las acciones de mejora, una por fila: etapas, responsable, línea de trabajo, prioridad, horizonte, estado
cli-recover = Listar o recuperar mapas con trabajo sin guardar (registro del guardado automático)
cli-recover-list = Listar los mapas con trabajo sin guardar
cli-recover-map = El archivo del mapa (o, para un mapa nunca guardado, su clave según --list)
cli-recover-output = Dónde escribir el mapa recuperado
cli-format = Formato de salida
cli-no-data-dir = no se conoce ninguna carpeta de datos en este sistema; hay que definir TRAYECTO_DATA_DIR con la carpeta del guardado automático
col-stage = Etapa
col-current = Actual
col-target = Objetivo
col-gap = Brecha
col-gains = Momentos de ganancia
col-pains = Momentos de dolor
col-pain-points = Puntos de dolor
col-kpis = KPI
col-what = Dato
col-value = Valor
info-format = Versión del formato
info-stages = Etapas
info-lanes = Carriles
info-personas = Personas
info-journey = Trayecto
no-target-for-gap = el mapa no tiene un trayecto objetivo que comparar con su trayecto actual; primero hay que crear uno a partir del trayecto actual
col-key = Clave
col-map = Archivo del mapa
col-title = Título
col-time = Guardado automático
col-changes = Cambios
col-cards = Tarjetas
col-running = Abierto ahora
no-stream = Sin línea de trabajo todavía
nobody = Sin responsable todavía
no-actions-hint = Aún no hay acciones. Una tarjeta de oportunidad se convierte en acción con clic derecho sobre ella en el trayecto; también se puede añadir una con el botón del inspector.
sort-hint = Clic para ordenar por esta columna; otra vez para invertir el orden
col-priority = Prioridad
col-action = Acción
col-stages = Etapas
col-owner = Responsable
col-stream = Línea de trabajo
col-impact = Impacto
col-effort = Esfuerzo
col-horizon = Horizonte
col-status = Estado
col-kpi = KPI
roadmap = Hoja de ruta
actions = Acciones
action = Acción
turn-into-action = Convertir en acción
action-for-pain = Nueva acción para resolverlo
open-action = Abrir su acción
show-on-journey = Mostrar en el trayecto
delete-action = Eliminar acción
new-action = Nueva acción
new-action-title = Nueva acción
action-title = Título de la acción
description = Descripción
addresses = Aborda
addresses-hint = Puntos de dolor y momentos de dolor de sus etapas
no-kpi = Sin KPI
departments = Departamentos
streams = Líneas de trabajo de la hoja de ruta
add-department = Añadir departamento
new-department = Nuevo departamento
add-stream = Añadir línea de trabajo
new-stream = Nueva línea de trabajo
remove = Quitar
legend-priorities = Prioridad:

# Mensajes con argumentos, y nombres de valores.
scale-label = { $scale }×
png-size = { $width } × { $height } píxeles
svg-size = { $width } × { $height } puntos, vectorial
png-image = Imagen PNG
svg-image = Imagen SVG
exported-status = Exportado: { $path }
copied-status = Imagen de { $width } × { $height } copiada al portapapeles
stage-feeling-in = Emoción en la curva de «{ $journey }»
picture-problem = No se muestra: { $problem }
picture-copied = La imagen se copió en la carpeta del mapa como { $name }
gap-heading = { $current } → { $target }, de mayor a menor brecha; clic en una fila para ir a la etapa
conflict-question = Otro programa modificó «{ $name }» después de que lo abrieras, y tienes cambios sin guardar. ¿Conservar tu versión, usar la del disco (tus cambios quedan en Deshacer) o guardar la tuya con otro nombre?
recovery-details = { $changes ->
        [one] 1 cambio
       *[other] { $changes } cambios
    } · { $cards ->
        [one] 1 tarjeta
       *[other] { $cards } tarjetas
    } · { $ago }
just-now = ahora mismo
minutes-ago = { $count ->
        [one] hace 1 minuto
       *[other] hace { $count } minutos
    }
hours-ago = { $count ->
        [one] hace 1 hora
       *[other] hace { $count } horas
    }
days-ago = { $count ->
        [one] hace 1 día
       *[other] hace { $count } días
    }
restored-status = Se restauró «{ $name }»: todavía no está guardado
reloaded-status = { $name } cambió en el disco y se volvió a cargar (Deshacer lo revierte)
vanished-status = { $name } se eliminó o se movió en el disco; Guardar lo vuelve a escribir
unreadable-change-status = { $name } cambió en el disco pero no se puede leer ({ $error }); se conserva el mapa abierto
autosave-failed = El guardado automático no puede escribir en { $folder } ({ $reason }); se puede seguir editando, pero conviene guardar a menudo
damaged-journal = Se omitió un archivo de recuperación: { $file } ({ $reason })
saved-in-place = { $path } guardado sobre el mismo archivo, conservando sus enlaces
saved-in-place-no-backup = { $path } guardado sobre el mismo archivo: su carpeta es de solo lectura, así que no se pudo apartar la versión anterior durante la escritura
unsaved-question = ¿Guardar antes los cambios de «{ $name }»? Si no, se perderán.
saved-status = Guardado: { $path }
opened-old-format = Abierto { $path }, escrito en el formato { $version }: al guardar se escribe el formato { $current } y el original se conserva como { $path }.bak
saved-upgraded-status = { $path } guardado en el formato { $current }; el original se conserva como { $path }.bak
opening-status = Abriendo { $path }…
opened-status = Abierto: { $path }
undone = Deshecho
nothing-to-undo = Nada que deshacer
redone = Rehecho
nothing-to-redo = Nada que rehacer
card-count = { $count ->
        [one] 1 tarjeta
       *[other] { $count } tarjetas
    }
counts = { $stages ->
        [one] 1 etapa
       *[other] { $stages } etapas
    }, { $lanes ->
        [one] 1 carril
       *[other] { $lanes } carriles
    }, { $cards ->
        [one] 1 tarjeta
       *[other] { $cards } tarjetas
    }
no-current-journey = el mapa no tiene trayecto actual
no-target-journey = el mapa no tiene un trayecto objetivo (y uno actual) que dibujar
cli-already-current = { $path }: ya está en el formato { $current }
cli-upgraded = { $path }: formato { $from } → { $current }; el original se conserva como { $backup }
cli-upgraded-earlier = { $path }: formato { $from } → { $current }; { $backup } ya guardaba un original anterior y se conserva tal cual
cli-nothing-to-recover = { $path }: no hay trabajo sin guardar registrado para este mapa (ver `trayecto recover --list`)
cli-ok = { $path }: correcto ({ $stages ->
        [one] 1 etapa
       *[other] { $stages } etapas
    }, { $lanes ->
        [one] 1 carril
       *[other] { $lanes } carriles
    }, { $cards ->
        [one] 1 tarjeta
       *[other] { $cards } tarjetas
    })
cli-unknown-template = no hay ninguna plantilla llamada «{ $name }»; las plantillas son: { $names }
cli-exists = { $path }: ya existe; hay que pasar --force para sobrescribirlo
cli-no-actions = El mapa todavía no tiene acciones.
cli-not-a-command = «{ $name }» no es una orden ni un archivo de mapa; las órdenes son: { $commands }
cli-no-display = el editor necesita una sesión gráfica y no hay ninguna (no están definidas DISPLAY ni WAYLAND_DISPLAY); las órdenes funcionan sin ella: trayecto --help
cli-no-window = no se pudo abrir la ventana del editor: { $reason }
cli-unknown-image-type = { $path }: tipo de imagen desconocido; la salida debe terminar en { $extensions }
list-or = { $first } o { $last }
cli-written = escrito: { $path }
caption-overlay = { $title } · { $shown } frente a { $compared }
moment-of-gain = Momento de ganancia
moment-of-pain = Momento de dolor
priority-quick-win = Victoria rápida
priority-major-project = Gran proyecto
priority-fill-in = Relleno
priority-thankless = Tarea ingrata
priority-quick-win-explained = Victoria rápida (impacto medio o alto, esfuerzo bajo)
priority-major-project-explained = Gran proyecto (impacto alto, esfuerzo medio o alto)
priority-fill-in-explained = Relleno (impacto y esfuerzo bajos, o ambos medios)
priority-thankless-explained = Tarea ingrata (más esfuerzo que impacto)
roadmap-caption = { $title } · Hoja de ruta
card-is-action = Esta tarjeta muestra la acción «{ $title }».
level-low = Bajo
level-medium = Medio
level-high = Alto
horizon-now = Ahora
horizon-next = Pronto
horizon-later = Más adelante
status-idea = Idea
status-planned = Planificada
status-in-progress = En curso
status-done = Hecha
journey-kind-current = Actual
journey-kind-target = Objetivo
journey-kind-other = Otro
feeling-angry = Enfadado
feeling-sad = Descontento
feeling-neutral = Neutral
feeling-happy = Contento
feeling-delighted = Encantado
channel-phone = Teléfono
channel-web = Web
channel-app = App
channel-email = Correo
channel-chat = Chat
channel-social-media = Redes sociales
channel-in-person = En persona
channel-other = Otro
lane-kind-actions = Acciones
lane-kind-touchpoints = Puntos de contacto
lane-kind-channels = Canales
lane-kind-thoughts = Pensamientos
lane-kind-feelings = Emociones (curva emocional)
lane-kind-pain-points = Puntos de dolor
lane-kind-opportunities = Oportunidades
lane-kind-backstage = Trastienda
lane-kind-notes = Notas
label-card = Tarjeta:
label-stage = Etapa:
label-lane = Carril:
label-curve-point = Emoción de la etapa:
label-action = Acción:
label-journey = Trayecto:
label-gap-row = Fila de brecha:
label-cell = { $column } de: { $action }
label-item = { $list }: { $name }

# Lo que un mapa no puede ser.
item-stage = etapa
item-lane = carril
item-card = tarjeta
item-persona = persona
item-journey = trayecto
item-kpi = KPI
item-action = acción
item-department = departamento
item-stream = línea de trabajo
items-stage = etapas
items-lane = carriles
items-card = tarjetas
items-persona = personas
items-journey = trayectos
items-kpi = KPI
items-action = acciones
items-department = departamentos
items-stream = líneas de trabajo
counted-stages = etapas
counted-lanes = carriles
counted-cards = tarjetas
counted-personas = personas
counted-journeys = trayectos
counted-kpis = KPI
counted-goals = objetivos de una persona
counted-needs = frustraciones y necesidades de una persona
counted-actions = acciones
counted-departments = departamentos
counted-streams = líneas de trabajo
counted-links = enlaces de una acción
text-map-title = el título del mapa
text-persona-name = el nombre de la persona { $id }
text-persona-description = la descripción de la persona { $id }
text-persona-picture = la ruta de la imagen de la persona { $id }
text-persona-goal = el objetivo { $n } de la persona { $id }
text-persona-need = la necesidad { $n } de la persona { $id }
text-stage-name = el nombre de la etapa { $id }
text-lane-name = el nombre del carril { $id }
text-journey-name = el nombre del trayecto { $id }
text-card-title = el título de la tarjeta { $id }
text-card-notes = las notas de la tarjeta { $id }
text-moment-why = el «por qué» del momento de la tarjeta { $id }
text-kpi-name = el nombre del KPI { $id }
text-kpi-unit = la unidad del KPI { $id }
text-department-name = el nombre del departamento { $id }
text-stream-name = el nombre de la línea de trabajo { $id }
text-action-title = el título de la acción { $id }
text-action-description = la descripción de la acción { $id }
invalid-duplicate = dos { $items } tienen el id { $id }
invalid-unknown = { $from } { $from-id } hace referencia a { $to } { $to-id }, que no existe
invalid-card-in-feelings-lane = la tarjeta { $card } está en el carril { $lane }, un carril de emociones, que no admite tarjetas
invalid-no-journey = el mapa no tiene ningún trayecto
invalid-target-without-current = el trayecto { $target } es un trayecto objetivo, pero el mapa no tiene un trayecto actual con el que compararlo
invalid-too-many = número excesivo de { $what }: { $count } (un mapa admite como máximo { $limit })
invalid-text-too-long = { $what }: { $chars } caracteres, como máximo { $limit }

# Lectura de un archivo de mapa.
parse-empty = el archivo está vacío; un archivo de mapa empieza por `(format: N, map: (…))`
parse-not-a-map = no es un mapa de Trayecto; un archivo de mapa empieza por `(format: N, map: (…))`
parse-no-version = no es un mapa de Trayecto: no tiene versión `format:`
parse-unknown-version = `format: { $found }` no es una versión del formato de mapa (este Trayecto lee las versiones 1 a { $current })
parse-newer-version = creado con un Trayecto más reciente (formato { $found }; esta versión lee hasta el { $current }); hay que actualizar Trayecto para abrirlo
parse-invalid = mapa no válido: { $error }
part-file = el archivo
part-map = el mapa
part-persona = la persona
part-stage = una etapa
part-lane = un carril
part-card = una tarjeta
part-journey = un trayecto
part-moment = un momento
part-kpi = un KPI
part-action = una acción
part-department = un departamento
part-stream = una línea de trabajo
part-unknown = este grupo
problem-unknown-field = campo desconocido `{ $field }` en { $within }: esta versión de Trayecto no lo conoce (conoce { $known })
problem-missing-field = falta `{ $field }` en { $within }
problem-duplicate-field = `{ $field }` aparece dos veces en { $within }
problem-unknown-value = `{ $found }` no es ninguno de estos valores: { $known }
problem-too-deep = el texto está anidado a demasiada profundidad para ser un mapa
problem-ends-early = el archivo termina en mitad del mapa (hay un paréntesis o unas comillas sin cerrar)
problem-expected = aquí se esperaba { $what }
problem-unexpected = `{ $char }` inesperado
problem-number-out-of-range = este número está fuera de rango
problem-trailing-text = texto inesperado después del final del mapa
problem-bad-escape = una secuencia de escape con barra invertida de este texto no es válida
expected-list = una lista entre [ ]
expected-list-end = `]` para cerrar la lista, o una coma
expected-boolean = true o false
expected-comma = una coma
expected-integer = un número entero
expected-number = un número
expected-option = None o Some(…)
expected-table = una tabla {"{"} clave: valor {"}"}
expected-group = un grupo entre ( )
expected-group-end = `)` para cerrar el grupo, o una coma
expected-text = texto entre comillas dobles
expected-name = un nombre
expected-unit = ()

# Archivos, ediciones, exportaciones, imágenes, registros.
file-not-a-file = no es un archivo normal
file-too-large = el archivo ocupa { $size } MiB, más de lo que puede ocupar un mapa ({ $limit } MiB)
file-too-large-to-save = no se guardó: el mapa ocuparía { $size } MiB, más de lo que admite un archivo de mapa ({ $limit } MiB); conviene acortar las notas o dividir el mapa
file-not-text = no es un archivo de texto (no está en UTF-8)
io-not-found = no existe ese archivo o carpeta
io-permission-denied = permiso denegado
io-already-exists = ya existe
io-storage-full = el disco está lleno
io-quota-exceeded = se agotó la cuota de disco
io-read-only = el disco es de solo lectura
io-is-a-folder = es una carpeta, no un archivo
io-not-a-folder = una parte de la ruta no es una carpeta
io-file-too-large = el archivo es demasiado grande para este disco
io-invalid-name = el nombre de archivo no es válido aquí
io-link-loop = la ruta da vueltas en un bucle de enlaces
io-interrupted = interrumpido
edit-no-such = no existe { $item } con el id { $id }
edit-id-in-use = el id { $id } ya está en uso
edit-out-of-range = la posición { $position } está fuera de rango
edit-lane-holds-no-cards = un carril de emociones no admite tarjetas
edit-mismatch = esa tarjeta no va ahí
edit-last-journey = un mapa necesita al menos un trayecto
edit-target-needs-current = un trayecto objetivo necesita un trayecto actual con el que compararse; debe quedar un trayecto actual mientras haya uno objetivo
edit-limit = no se pudo hacer: { $why }
export-too-large = la imagen tendría { $width } × { $height } píxeles, más del máximo permitido de { $millions } millones; hay que exportar a una escala menor o en SVG
export-svg-too-large = el dibujo mediría { $width } × { $height } puntos, más de los { $millions } millones que admite un SVG; exporta una parte más pequeña del mapa
export-bad-scale = la escala { $scale } está fuera de rango (de 1 a { $most })
picture-map-not-saved = primero hay que guardar el mapa: la ruta de la imagen es relativa a su carpeta
picture-outside-folder = no está dentro de la carpeta del mapa
picture-not-an-image = no es un archivo PNG ni JPEG
picture-missing = no se encuentra el archivo
picture-unreadable = no se puede leer ({ $why })
picture-not-a-file = no es un archivo
picture-too-large = ocupa { $size } MB, y una foto puede ocupar como mucho { $limit } MB
picture-too-many-pixels = mide { $width } × { $height } píxeles, y una foto puede medir como mucho { $limit } píxeles de ancho y de alto
picture-not-decodable = no es una imagen PNG o JPEG, o está dañada
picture-warning = la imagen de { $persona } ({ $picture }) no se muestra: { $problem }
journal-not-text = su primera línea no es texto
journal-not-ours = no es un archivo de recuperación de esta versión de Trayecto
journal-unknown-version = la versión { $version } del registro es desconocida

# Las palabras propias de la línea de órdenes (encabezados, opciones y errores de uso).
cli-possible-heading = Valores posibles
cli-default = por defecto: { $value }
cli-usage-heading = Uso:
cli-commands-heading = Órdenes
cli-arguments-heading = Argumentos
cli-options-heading = Opciones
cli-help-flag = Muestra la ayuda
cli-version-flag = Muestra la versión
cli-help-command = Muestra esta ayuda, o la de una orden
cli-help-command-arg = La orden que explicar
cli-lang = Idioma de los mensajes y de las plantillas (por defecto: el de LC_ALL, LC_MESSAGES o LANG)
cli-error = error
cli-error-more = Para más información, prueba «--help».
cli-value-command = ORDEN
cli-value-options = [OPCIONES]
cli-value-path = RUTA
cli-value-map = MAPA
cli-value-paths = MAPAS
cli-value-output = SALIDA
cli-value-template = PLANTILLA
cli-value-scale = ESCALA
cli-value-background = FONDO
cli-value-journey = TRAYECTO
cli-value-view = VISTA
cli-value-format = FORMATO
cli-value-lang = IDIOMA
cli-format-table = columnas alineadas, para la terminal
cli-format-csv = valores separados por comas con fila de encabezado, para hojas de cálculo
cli-format-json = objetos con claves estables en inglés, para scripts
cli-format-md = una tabla Markdown, para informes
cli-journey-current = el trayecto actual
cli-journey-target = el trayecto objetivo
cli-journey-overlay = el trayecto actual con la curva del objetivo superpuesta
cli-view-journey = un trayecto (ver --journey)
cli-view-roadmap = el tablero de la hoja de ruta
cli-background-white = un fondo blanco
cli-background-transparent = transparente, para diapositivas con fondo propio
cli-background-theme = el color de fondo del editor
cli-error-missing-value = { $arg } necesita un valor
cli-error-invalid-value = «{ $value }» no es un valor válido para { $arg }
cli-error-unknown-argument = argumento inesperado «{ $arg }»
cli-error-unknown-command = orden desconocida «{ $command }»
cli-error-missing = falta { $args }
cli-error-conflict = { $arg } no se puede usar junto con { $other }
cli-error-unexpected-value = valor inesperado «{ $value }»
cli-error-other = la línea de órdenes no es correcta: { $detail }
cli-error-possible = valores posibles: { $values }
cli-error-did-you-mean = ¿quisiste decir «{ $suggestion }»?
cli-scale-range = la escala es un número entero de 1 a { $max }

# Fases y bifurcaciones de decisión.
item-phase = fase
items-phase = fases
item-fork = decisión
items-fork = decisiones
counted-phases = fases
counted-forks = decisiones
counted-branches = ramas de una decisión
text-phase-name = el nombre de la fase { $id }
text-fork-question = la pregunta de la decisión { $id }
text-branch-label = la etiqueta de la rama { $n } de la decisión { $id }
invalid-phase-not-consecutive = las etapas de la fase { $phase } no están seguidas
invalid-phase-without-stages = la fase { $phase } no tiene etapas
invalid-stage-twice-in-phase = la fase { $phase } incluye dos veces la etapa { $stage }
invalid-kpi-not-a-number = los valores del KPI { $kpi } deben ser números
invalid-stage-in-two-phases = la etapa { $stage } está en la fase { $phase } y en la fase { $other }
invalid-too-few-branches = la decisión { $fork } necesita al menos dos ramas
invalid-branch-to-its-own-stage = la rama { $branch } de la decisión { $fork } vuelve a su propia etapa
decisions = Decisiones
leaves-journey = sale del trayecto

# Fases y decisiones en el editor.
phase = Fase
phase-from = Desde la etapa
phase-to = Hasta la etapa
decision = Decisión
question = Pregunta
decided-at = En la etapa
branches = Ramas
branch-label = Etiqueta
leads-to = Lleva a
remove-branch = Quitar rama
add-branch = Añadir rama
new-decision = ¿Por dónde sigue el cliente?
add-phase = Añadir fase
add-fork = Añadir decisión
delete-decision = Eliminar decisión
delete-phase = Eliminar fase
add-phase-here = Fase desde esta etapa
add-fork-here = Decisión en esta etapa
new-phase = Fase { $n }
new-branch = Opción { $n }
stage-count = { $count ->
        [one] 1 etapa
       *[other] { $count } etapas
    }
label-phase = Fase:
label-fork = Decisión:

# Teclas, como las nombran los atajos.
key-ctrl = Ctrl
key-alt = Alt
key-shift = Mayús
key-delete = Supr
key-backspace = Retroceso
key-enter = Intro
key-escape = Esc

# Pasos de deshacer, con nombre.
step-title = renombrar el mapa como «{ $name }»
step-add-persona = añadir la persona «{ $name }»
step-delete-persona = eliminar la persona «{ $name }»
step-edit-persona = editar la persona «{ $name }»
step-add-journey = añadir el trayecto «{ $name }»
step-delete-journey = eliminar el trayecto «{ $name }»
step-edit-journey = editar el trayecto «{ $name }»
step-add-stage = añadir la etapa «{ $name }»
step-delete-stage = eliminar la etapa «{ $name }»
step-move-stage = mover la etapa «{ $name }»
step-rename-stage = renombrar la etapa «{ $name }»
step-stage-feeling = fijar la emoción de la etapa «{ $name }»
step-add-lane = añadir el carril «{ $name }»
step-delete-lane = eliminar el carril «{ $name }»
step-move-lane = mover el carril «{ $name }»
step-rename-lane = renombrar el carril «{ $name }»
step-lane-kind = cambiar el tipo del carril «{ $name }»
step-add-card = añadir la tarjeta «{ $name }»
step-delete-card = eliminar la tarjeta «{ $name }»
step-move-card = mover la tarjeta «{ $name }»
step-edit-card = editar la tarjeta «{ $name }»
step-add-kpi = añadir el KPI «{ $name }»
step-delete-kpi = eliminar el KPI «{ $name }»
step-edit-kpi = editar el KPI «{ $name }»
step-add-action = añadir la acción «{ $name }»
step-delete-action = eliminar la acción «{ $name }»
step-edit-action = editar la acción «{ $name }»
step-add-department = añadir el departamento «{ $name }»
step-delete-department = eliminar el departamento «{ $name }»
step-rename-department = renombrar el departamento «{ $name }»
step-add-stream = añadir la línea de trabajo «{ $name }»
step-delete-stream = eliminar la línea de trabajo «{ $name }»
step-rename-stream = renombrar la línea de trabajo «{ $name }»
step-phases = cambiar las fases
step-decisions = cambiar las decisiones
no-phase-room = Todas las etapas están ya en una fase: reduce una fase en el inspector (selecciónala) para hacer sitio
step-add-phase = añadir la fase «{ $name }»
step-delete-phase = eliminar la fase «{ $name }»
step-rename-phase = renombrar la fase «{ $name }»
step-regroup-phase = reagrupar la fase «{ $name }»
step-add-decision = añadir la decisión «{ $name }»
step-delete-decision = eliminar la decisión «{ $name }»
step-edit-decision = editar la decisión «{ $name }»
step-several = varios cambios
step-reload = cargar el archivo del disco
undone-step = Deshecho: { $step }
redone-step = Rehecho: { $step }
undo-step = Deshacer: { $step }
redo-step = Rehacer: { $step }
deleted-stage = Eliminada la etapa «{ $name }»{ $count ->
        [0] {""}
        [one] {" "}y su tarjeta
       *[other] {" "}y sus { $count } tarjetas
    }
deleted-lane = Eliminado el carril «{ $name }»{ $count ->
        [0] {""}
        [one] {" "}y su tarjeta
       *[other] {" "}y sus { $count } tarjetas
    }
deleted-card = Eliminada la tarjeta «{ $name }»
deleted-phase = Eliminada la fase «{ $name }»
deleted-decision = Eliminada la decisión «{ $name }»
deleted-action = Eliminada la acción «{ $name }»

# Notas de las tarjetas.
export-notes = Notas de las tarjetas
cli-notes = Mostrar las notas de cada tarjeta bajo su título

# Ergonomía del taller.
inspector-panel = Inspector
present = Modo presentación
text-size = Tamaño del texto
text-compact = Compacto
text-normal = Normal
text-large = Grande
presenting-hint =
    Esc o F5: salir
    Re Pág / Av Pág: etapas
    Inicio: al principio
close = Cerrar

# Más palabras del lector de archivos, y respuestas.
part-phase = una fase
part-fork = una decisión
part-branch = una rama de una decisión
problem-wrong-type = aquí hay un valor de otro tipo ({ $found } en lugar de { $expected })
problem-wrong-length = aquí hay { $found ->
        [one] 1 elemento
       *[other] { $found } elementos
    } en lugar de { $expected }
answer-yes = sí
answer-no = no

# Nombres con los que empieza un mapa nuevo o migrado (luego, los del usuario).
current-journey-name = Trayecto actual
department-marketing = Marketing
department-sales = Ventas
department-customer-service = Atención al cliente
department-logistics = Logística
department-accounting = Contabilidad
department-technology = Tecnología
department-people = Personas y formación
department-administration = Administración
stream-systems = Sistemas y datos
stream-change = Gestión del cambio y formación
stream-organisation = Organización y procesos
stream-customer = Centralidad en el cliente

## Formatos de otras herramientas: nombres e informe de importación
mermaid-file = Recorrido de Mermaid
ojf-file = Archivo OpenJourney
csv-file = Hoja de cálculo (CSV)
note-at-line = línea { $line }: { $message }
import-stage-name = Etapa
import-feelings-lane-with-cards = el carril «{ $lane }» tiene tarjetas, así que pasó a ser un carril de pensamientos (en Trayecto el carril de emociones dibuja la curva emocional)
import-text-cut = un texto de { $chars } caracteres («{ $start }…») se recortó a { $limit }

## Exportación a PDF
format-pdf = PDF
pdf-document = Documento PDF
pdf-page = Página
pdf-page-fit = Una página, tamaño del mapa
pdf-page-a4 = A4 apaisado
pdf-page-a3 = A3 apaisado

## CSV
csv-unreadable = la hoja no se puede leer como tabla a partir de esta línea
csv-missing-columns = la primera fila tiene que nombrar las columnas del mapa, en español o en inglés; { $count ->
        [one] falta esta
       *[other] faltan estas
    }: { $columns }
csv-no-rows = la hoja tiene su encabezado y ninguna fila debajo: el mapa empieza vacío
csv-card-without-stage = una tarjeta sin etapa, y sin fila de arriba de la que tomarla: quedó en la etapa «{ $stage }»
csv-card-without-lane = una tarjeta sin carril, y sin fila de arriba del que tomarlo: quedó en el carril «{ $lane }»
csv-filled-from-above = { $count ->
        [one] una tarjeta no tiene
       *[other] { $count } tarjetas no tienen
    } etapa o carril, y se tomó el de la fila de arriba, como lo dejan las celdas combinadas (la primera, en esta línea)
csv-why-without-moment = un «por qué» sin momento (ganancia o dolor): se añadió a las notas de la tarjeta
csv-bad-feeling = «{ $value }» no es una emoción: escribe una cara ({ $known }) o una puntuación del 1 al 5 (5 la mejor); la tarjeta queda sin emoción
csv-bad-channel = «{ $value }» no es un canal ({ $known }); la tarjeta queda sin canal
csv-bad-moment = «{ $value }» no es un momento ({ $known }); la tarjeta queda sin momento
csv-bad-lane-kind = «{ $value }» no es un tipo de carril ({ $known }); no se tuvo en cuenta para el carril «{ $lane }»
csv-lane-kind-clash = el carril «{ $lane }» figura aquí como { $other }, pero más arriba como { $first }: se queda como { $first }
csv-more-values = { $count ->
        [one] otro valor de la columna «{ $column }» tampoco se entendió y quedó fuera
       *[other] otros { $count } valores de la columna «{ $column }» tampoco se entendieron y quedaron fuera
    }
csv-more-whys = { $count ->
        [one] otro «por qué» sin momento también se añadió a las notas de su tarjeta
       *[other] otros { $count } «por qué» sin momento también se añadieron a las notas de sus tarjetas
    }
csv-unknown-columns = quedaron fuera columnas que Trayecto no lee: { $columns } ({ $count ->
        [0] sin ningún valor
        [one] 1 valor
       *[other] { $count } valores
    })
csv-unnamed-columns = { $count ->
        [one] quedó fuera un valor en una columna sin nombre en la primera fila
       *[other] quedaron fuera { $count } valores en columnas sin nombre en la primera fila
    } (columna { $columns } de la hoja)
csv-lost-title = la hoja no tiene sitio para el título del mapa, «{ $title }»
csv-lost-personas = la hoja no tiene sitio para las personas: { $count ->
        [one] queda fuera 1 persona
       *[other] quedan fuera { $count } personas
    }, y con ellas para quién se cuenta cada trayecto
csv-lost-kpis = la hoja no tiene sitio para los KPI: { $count ->
        [one] queda fuera 1 KPI
       *[other] quedan fuera { $count } KPI
    }
csv-lost-actions = la hoja de cálculo no tiene sitio para la hoja de ruta: { $count ->
        [one] queda fuera 1 acción de mejora
       *[other] quedan fuera { $count } acciones de mejora
    }
csv-lost-phases = la hoja no tiene sitio para las fases: { $count ->
        [one] queda fuera 1 fase
       *[other] quedan fuera { $count } fases
    }
csv-lost-forks = la hoja no tiene sitio para las decisiones: { $count ->
        [one] queda fuera 1 decisión
       *[other] quedan fuera { $count } decisiones
    }
csv-lost-curve = la hoja no tiene sitio para los puntos de la curva emocional puestos a mano: { $count ->
        [one] queda fuera 1 punto
       *[other] quedan fuera { $count } puntos
    } (al volver a leerla, la curva sigue las emociones de las tarjetas)
csv-lost-journey-kinds = la hoja solo dice el tipo de un trayecto por su lugar y su nombre (el primero es el actual; «Objetivo», «Target»… el objetivo): { $count ->
        [one] 1 trayecto se leerá
       *[other] { $count } trayectos se leerán
    } con otro tipo
csv-lost-departments = la hoja no tiene sitio para los departamentos propios del mapa: { $count ->
        [one] queda fuera 1 departamento
       *[other] quedan fuera { $count } departamentos
    } (al volver a leerla, el mapa tiene los de siempre)
csv-lost-streams = la hoja no tiene sitio para las líneas de trabajo propias de la hoja de ruta: { $count ->
        [one] queda fuera 1 línea de trabajo
       *[other] quedan fuera { $count } líneas de trabajo
    } (al volver a leerla, el mapa tiene las de siempre)
csv-lost-empty-cards = { $count ->
        [one] quedó fuera una tarjeta sin texto, canal, emoción ni momento
       *[other] quedaron fuera { $count } tarjetas sin texto, canal, emoción ni momento
    }: una fila sin nada se lee como una celda vacía
csv-renamed = la hoja distingue etapas, carriles y trayectos por su nombre: { $count ->
        [one] 1 nombre vacío o repetido se escribe
       *[other] { $count } nombres vacíos o repetidos se escriben
    } con un número («Pedido (2)»)
import-encoding = la hoja no está en UTF-8; se leyó como { $encoding }: revisa sus tildes (para ir sobre seguro, guárdala como «CSV UTF-8»)

## OpenJourney
ojf-empty = el archivo está vacío; un archivo OpenJourney es un objeto JSON con «stages» y «swimlanes»
ojf-json-syntax = el JSON del archivo se rompe aquí: busca una coma, unas comillas o un corchete que falten en este punto o justo antes
ojf-json-ends-early = el archivo se acaba a mitad de su JSON: unas comillas, un corchete o una llave no se cierran
ojf-not-a-journey = es JSON, pero no un trayecto OpenJourney: no tiene lista de «stages» ni de «swimlanes»
ojf-persona-name = Cliente
ojf-lane-journey = Pasos
ojf-lane-evidence = Evidencia física
ojf-lane-frontstage = Personal de cara al cliente
ojf-lane-backstage = Trastienda
ojf-lane-support = Procesos de soporte
ojf-lane-unplaced = Sin ubicar en el archivo
ojf-persona-unnamed = el archivo da un punto de vista pero ninguna persona: pasó a ser el objetivo de una persona llamada «{ $name }»
ojf-no-swimlanes = el archivo no tiene carriles: sus nodos se pusieron en un solo carril, «{ $lane }»
ojf-scores-0-to-10 = las puntuaciones van de 0 a 10 (hasta { $score }), como en los archivos antiguos de Ptolemy: se restó 5 a cada una antes de convertirla en emoción, como hizo la propia actualización de Ptolemy
ojf-unplaced = { $count ->
        [one] un nodo indica
       *[other] { $count } nodos indican
    } una etapa o un carril que el archivo no tiene (p. ej., «{ $node }»): quedan en el carril «{ ojf-lane-unplaced }», en su etapa o, si no, en la primera
ojf-duplicate-ids = { $count ->
        [one] una etapa o un carril tiene
       *[other] { $count } etapas o carriles tienen
    } el mismo id que otro anterior (p. ej., «{ $id }»): los nodos se colocaron en el primero
ojf-blueprint-cards = { $count ->
        [one] un elemento del blueprint de servicio pasó a ser una tarjeta en un carril propio
       *[other] { $count } elementos del blueprint de servicio pasaron a ser tarjetas en carriles propios
    } (evidencia, personal de cara al cliente, trastienda, soporte), en la etapa de su nodo; no se guarda de qué nodo venía cada uno
ojf-score-out-of-range = { $count ->
        [one] una puntuación queda fuera de −5 a +5 y no dio
       *[other] { $count } puntuaciones quedan fuera de −5 a +5 y no dieron
    } ninguna emoción (p. ej., { $score } en «{ $node }»)
ojf-score-not-number = { $count ->
        [one] una puntuación no es un número y no dio
       *[other] { $count } puntuaciones no son números y no dieron
    } ninguna emoción (p. ej., «{ $score }» en «{ $node }»)
ojf-sentiment-unknown = { $count ->
        [one] una palabra de sentimiento que Trayecto no conoce no dio
       *[other] { $count } palabras de sentimiento que Trayecto no conoce no dieron
    } ninguna emoción (p. ej., «{ $word }»)
ojf-moment-guessed = { $count ->
        [one] un momento de la verdad no dice
       *[other] { $count } momentos de la verdad no dicen
    } si es de ganancia o de dolor (p. ej., «{ $node }»): se toma como momento de dolor, donde el cliente puede abandonar
ojf-mistyped = { $count ->
        [one] un campo tiene un valor del tipo equivocado y se dejó
       *[other] { $count } campos tienen un valor del tipo equivocado y se dejaron
    } fuera (p. ej., «{ $field }»)
ojf-lost-scores = { $count ->
        [one] una puntuación entre dos caras pasó
       *[other] { $count } puntuaciones entre dos caras pasaron
    } a la cara más cercana (p. ej., { $score } pasó a { $feeling }, que Trayecto vuelve a escribir como { $back })
ojf-lost-sentiment = no se { $count ->
        [one] guardó una palabra de sentimiento
       *[other] guardaron { $count } palabras de sentimiento
    } (p. ej., «{ $value }»): la emoción sale de la puntuación, o de la palabra si no hay puntuación
ojf-lost-purpose = no se { $count ->
        [one] guardó un propósito
       *[other] guardaron { $count } propósitos
    } (p. ej., «{ $value }»): un momento de la verdad solo guarda si es de ganancia o de dolor
ojf-lost-severity = no se { $count ->
        [one] guardó una gravedad
       *[other] guardaron { $count } gravedades
    } (p. ej., «{ $value }»): las tarjetas de Trayecto no la tienen
ojf-lost-icon = no se { $count ->
        [one] guardó un icono
       *[other] guardaron { $count } iconos
    } (p. ej., «{ $value }»)
ojf-lost-icon-color = no se { $count ->
        [one] guardó un color de icono
       *[other] guardaron { $count } colores de icono
    } (p. ej., «{ $value }»): el color con que Ptolemy pinta la tarjeta
ojf-lost-tags = no se { $count ->
        [one] guardó una etiqueta
       *[other] guardaron { $count } etiquetas
    } (p. ej., «{ $value }»): una tarjeta solo toma de sus etiquetas un canal
ojf-lost-version = no se guarda la versión que indica el archivo («{ $version }»): Trayecto lee todas las versiones igual
ojf-unknown-keys = se { $count ->
        [one] dejó fuera un campo que OpenJourney no define
       *[other] dejaron fuera { $count } campos que OpenJourney no define
    }: { $keys }
ojf-export-other-journeys = solo se escribió el trayecto «{ $journey }», porque un archivo OpenJourney tiene uno; se { $count ->
        [one] dejó fuera otro trayecto
       *[other] dejaron fuera otros { $count } trayectos
    } (p. ej., «{ $example }») con { $cards ->
        [one] una tarjeta
       *[other] { $cards } tarjetas
    }
ojf-export-journey-kind = el trayecto «{ $journey }» se leerá como trayecto actual: OpenJourney no distingue un trayecto actual de uno objetivo
ojf-export-other-personas = se { $count ->
        [one] dejó fuera una persona distinta
       *[other] dejaron fuera { $count } personas distintas
    } de la del trayecto (p. ej., «{ $example }»): un archivo OpenJourney nombra una sola
ojf-export-persona-details = de la persona «{ $persona }» solo se escribieron el nombre y el primer objetivo (como punto de vista); se dejaron fuera la descripción, los demás objetivos, las frustraciones y necesidades y la imagen
ojf-export-lane-kinds = OpenJourney solo guarda el nombre de los carriles, así que { $count ->
        [one] un carril se leerá
       *[other] { $count } carriles se leerán
    } como de otro tipo (p. ej., «{ $lane }», de tipo { $kind })
ojf-export-moment-why = { $count ->
        [one] un momento que importa perdió
       *[other] { $count } momentos que importan perdieron
    } su porqué (p. ej., «{ $why }»): OpenJourney solo marca el momento de la verdad
ojf-export-kpis = se { $count ->
        [one] dejó fuera un KPI
       *[other] dejaron fuera { $count } KPI
    }
ojf-export-actions = se { $count ->
        [one] dejó fuera una acción de mejora
       *[other] dejaron fuera { $count } acciones de mejora
    }
ojf-export-phases = se { $count ->
        [one] dejó fuera una fase
       *[other] dejaron fuera { $count } fases
    }
ojf-export-forks = se { $count ->
        [one] dejó fuera una decisión
       *[other] dejaron fuera { $count } decisiones
    }
imported-name = { $name } (importado)
readable-files = Mapas y archivos que Trayecto lee
export-map-menu = Exportar el mapa a otra herramienta
export-map-csv = Hoja de cálculo (CSV)…
export-map-mermaid = Recorrido de Mermaid…
export-map-ojf = Archivo OpenJourney…
export-over-source = { $name } es el archivo del que se importó este mapa: se conserva tal cual. Guarda el mapa como mapa de Trayecto, o expórtalo con otro nombre.
exported-map-status = Mapa escrito en { $name }{ $count ->
    [0] {""}
    [one] ; se indica una cosa que no pudo guardar
   *[other] ; se indican { $count } cosas que no pudo guardar
}
export-report-title = Lo que el archivo no pudo guardar
export-report-lead = Se escribió { $name }; no tiene sitio para lo siguiente, que sigue en el mapa:
import-report-title = Informe de importación
import-report-lead = { $name } se abrió como un mapa nuevo, sin guardar. Parte de su contenido no pudo traerse entero:
imported-status = Se importó { $name } como mapa nuevo, aún sin guardar{ $count ->
    [0] {""}
    [one] ; hay una nota en el informe de importación
   *[other] ; hay { $count } notas en el informe de importación
}
cli-page = Papel del PDF: una página del tamaño del mapa, o páginas A4 o A3 apaisadas con los encabezados en cada una
cli-convert = Convierte un mapa entre archivos de Trayecto (.ron), Mermaid (.mmd), OpenJourney (.ojf) y hojas de cálculo (.csv)
cli-convert-input = El mapa que se lee (su extensión indica el formato)
cli-convert-output = El archivo que se escribe (su extensión indica el formato)
cli-convert-journey = El trayecto que se escribe, en formatos que guardan uno solo (Mermaid, OpenJourney)
cli-convert-unknown-type = { $name }: el nombre no indica el formato; usa { $known }
cli-upgrade-not-a-map = { $name } es un archivo de otra herramienta, no un mapa de Trayecto: se deja como está (usa «trayecto convert» para hacer un mapa con él)

## Mermaid
mermaid-untitled = Recorrido de Mermaid
mermaid-lane-name = Pasos
mermaid-no-section = (sin sección)
mermaid-actors-label = Actores
mermaid-empty = aquí no hay ningún diagrama: un recorrido de Mermaid empieza con la palabra «journey»
mermaid-not-journey = esto no es un recorrido de Mermaid: un recorrido empieza con la palabra «journey», y este texto empieza con «{ $found }»
mermaid-other-diagram = es un diagrama de Mermaid de otro tipo («{ $kind }»), no un recorrido
mermaid-md-no-block = este archivo Markdown no tiene ningún bloque ```mermaid con un recorrido
mermaid-md-no-journey = { $count ->
        [one] el diagrama de Mermaid de este archivo no es un recorrido
       *[other] ninguno de los { $count } diagramas de Mermaid de este archivo es un recorrido
    }
mermaid-front-matter-open = la cabecera que se abre aquí no se cierra nunca con una línea «---»
mermaid-directive-open = el bloque de ajustes «%%{"{"}» que se abre aquí no se cierra nunca con «{"}"}%%», así que Mermaid no lee nada de lo que sigue
mermaid-no-score = la tarea «{ $task }» no tiene nada tras los dos puntos: una tarea se escribe «nombre: puntuación: actores»
mermaid-not-a-task = «{ $text }» no es ni una sección ni una tarea: una tarea se escribe «nombre: puntuación: actores»
mermaid-acc-description = Mermaid ya no lee «accDescription»: escribe «accDescr: …» en su lugar
mermaid-no-task-name = una tarea necesita un nombre antes de los dos puntos
mermaid-section-colon = el nombre de una sección no puede llevar «:» (escríbelo como #58;)
mermaid-bad-char = Mermaid no puede leer «;» aquí: los nombres no pueden llevarlo (escríbelo como #59;)
mermaid-journey-again = «journey» solo abre el diagrama: el nombre de una tarea no puede empezar con esa palabra
mermaid-lowercase = Mermaid solo reconoce la palabra «journey» en minúsculas; el diagrama se ha leído igualmente
mermaid-settings = los ajustes de Mermaid («{ $what }») no se conservan: el mapa no tiene sitio para ellos
mermaid-acc-title = el título de accesibilidad «{ $text }» no se conserva
mermaid-acc-descr = la descripción de accesibilidad «{ $text }» no se conserva
mermaid-acc-descr-open = la descripción de accesibilidad que se abre aquí no se cierra nunca con «{"}"}», así que Mermaid lee el resto del archivo como parte de ella
mermaid-title-again = el título aparece más de una vez; se queda el último, «{ $title }»
mermaid-score-outside = «{ $task }»: la puntuación { $score } está fuera de 1–5; se toma como { $feeling }
mermaid-score-decimal = «{ $task }»: la puntuación { $score } no es un número entero; se toma como { $feeling }
mermaid-score-not-number = «{ $task }»: la puntuación «{ $score }» no es un número, así que la tarjeta queda sin emoción
mermaid-score-missing = «{ $task }» no tiene puntuación, así que la tarjeta queda sin emoción
mermaid-extra-data = «{ $task }»: Mermaid no lee el texto que sigue a los actores («{ $text }»)
mermaid-more-tasks = { $count ->
        [one] 1 tarea más se ha leído del mismo modo
       *[other] { $count } tareas más se han leído del mismo modo
    }
mermaid-personas-cut = el diagrama nombra { $count } actores y un mapa admite como mucho { $limit } personas: el resto solo figura en las notas de sus tarjetas
mermaid-actors-in-notes = { $count ->
        [one] 1 tarea tiene actores distintos de la persona del trayecto: figuran en las notas de su tarjeta («Actores: …»)
       *[other] { $count } tareas tienen actores distintos de la persona del trayecto: figuran en las notas de sus tarjetas («Actores: …»)
    }
mermaid-more-journeys = { $count ->
        [one] el archivo tiene 1 recorrido más; solo se ha leído el primero
       *[other] el archivo tiene { $count } recorridos más; solo se ha leído el primero
    }
mermaid-other-diagrams = { $count ->
        [one] se ha saltado 1 diagrama de Mermaid de otro tipo
       *[other] se han saltado { $count } diagramas de Mermaid de otros tipos
    }
mermaid-title-written = el mapa no tiene título; el diagrama se titula «{ $title }»
mermaid-lost-journeys = un diagrama de Mermaid cuenta un solo trayecto: { $count ->
        [one] 1 trayecto más no se escribe
       *[other] { $count } trayectos más no se escriben
    }
mermaid-lost-journey-name = el nombre del trayecto, «{ $name }», y su tipo no se escriben
mermaid-lost-curve = { $count ->
        [one] 1 punto de la curva emocional puesto a mano no se escribe
       *[other] { $count } puntos de la curva emocional puestos a mano no se escriben
    }
mermaid-lost-lanes = Mermaid no tiene carriles: { $count ->
        [one] las tarjetas del carril del mapa se escriben
       *[other] las tarjetas de los { $count } carriles del mapa se escriben
    } como una sola lista de tareas por etapa, sin los nombres ni los tipos de los carriles
mermaid-no-feeling = { $count ->
        [one] 1 tarjeta no tiene emoción: se escribe con puntuación 3 (neutral)
       *[other] { $count } tarjetas no tienen emoción: se escriben con puntuación 3 (neutral)
    }
mermaid-lost-notes = { $count ->
        [one] las notas de 1 tarjeta no se escriben
       *[other] las notas de { $count } tarjetas no se escriben
    }
mermaid-lost-channels = { $count ->
        [one] el canal de 1 tarjeta no se escribe
       *[other] los canales de { $count } tarjetas no se escriben
    }
mermaid-lost-moments = { $count ->
        [one] 1 momento que importa no se escribe
       *[other] { $count } momentos que importan no se escriben
    }
mermaid-lost-personas = { $count ->
        [one] 1 persona no participa en las tareas escritas y no se escribe
       *[other] { $count } personas no participan en las tareas escritas y no se escriben
    }
mermaid-lost-persona-details = los actores de Mermaid son solo nombres: { $count ->
        [one] la descripción, los objetivos, las necesidades y la imagen de 1 persona no se escriben
       *[other] las descripciones, los objetivos, las necesidades y las imágenes de { $count } personas no se escriben
    }
mermaid-lost-kpis = { $count ->
        [one] 1 KPI no se escribe
       *[other] { $count } KPI no se escriben
    }
mermaid-lost-actions = { $count ->
        [one] 1 acción de mejora no se escribe
       *[other] { $count } acciones de mejora no se escriben
    }
mermaid-lost-phases = { $count ->
        [one] 1 fase no se escribe
       *[other] { $count } fases no se escriben
    }
mermaid-lost-decisions = { $count ->
        [one] 1 decisión del trayecto no se escribe
       *[other] { $count } decisiones del trayecto no se escriben
    }
mermaid-coded = { $count ->
        [one] 1 texto lleva caracteres que Mermaid se reserva («:», «#», «;», «,» entre actores…): se escriben con los códigos de carácter de Mermaid, como #58;, que Mermaid muestra como el carácter
       *[other] { $count } textos llevan caracteres que Mermaid se reserva («:», «#», «;», «,» entre actores…): se escriben con los códigos de carácter de Mermaid, como #58;, que Mermaid muestra como el carácter
    }
mermaid-joined = { $count ->
        [one] 1 texto de varias líneas (el título o el nombre de un actor) se escribe en una sola línea
       *[other] { $count } textos de varias líneas (el título o nombres de actores) se escriben en una sola línea
    }

## Valores de la línea de órdenes, en el idioma en uso (siempre se aceptan también en inglés)
cli-name-format-table = tabla
cli-name-format-csv = csv
cli-name-format-json = json
cli-name-format-md = md
cli-name-journey-current = actual
cli-name-journey-target = objetivo
cli-name-journey-overlay = superpuesto
cli-name-view-journey = trayecto
cli-name-view-roadmap = hoja-de-ruta
cli-name-view-gap = brechas
cli-name-view-actions = acciones
cli-name-background-white = blanco
cli-name-background-transparent = transparente
cli-name-background-theme = tema
cli-name-page-fit = ajustada
cli-name-page-a4 = a4
cli-name-page-a3 = a3
cli-value-page = PÁGINA
cli-view-gap = el análisis de brechas como diapositiva: las etapas por brecha, con momentos, puntos de dolor y KPI
cli-view-actions = la tabla de acciones como diapositiva: responsable, línea de trabajo, prioridad, horizonte, estado, KPI

## trayecto info: una fila por trayecto, con el nombre de su tipo
info-journey-current = Trayecto actual
info-journey-target = Trayecto objetivo
info-journey-other = Otro trayecto
info-journey-name = «{ $name }»
by-hand-cards = Fijado a mano: el punto se queda donde se puso, digan lo que digan las tarjetas (dicen «{ $feeling }»).
by-hand-no-cards = Fijado a mano: ninguna tarjeta de esta etapa tiene emoción todavía.
follow-cards-hint = El punto vuelve a lo que dicen las tarjetas de la etapa y las sigue desde ahora.
step-follow-cards = hacer que la etapa «{ $name }» siga a sus tarjetas
legend-by-hand = Fijado a mano
fresh-persona-hint = Ningún trayecto es todavía de esta persona: elígela arriba, en «Persona», para darle el trayecto que se muestra.
journey-persona-back = Volver a la persona del trayecto

## Diapositivas del análisis de brechas y de las acciones (export --view brechas / acciones)
slide-gap-caption = { $title } · Análisis de brechas
slide-gap-lead = { $current } → { $target }, etapa por etapa, de la mayor brecha a la menor
slide-actions-caption = { $title } · Acciones
slide-actions-lead = { $count ->
        [one] 1 acción, por línea de trabajo, horizonte y prioridad
       *[other] { $count } acciones, por línea de trabajo, horizonte y prioridad
    }
follows-cards = Sigue a las tarjetas de la etapa: «{ $feeling }».
follows-no-cards = Sigue a las tarjetas de la etapa; ninguna tiene emoción todavía.
journey-bar-more = Más…
journey-bar-more-hint = Los trayectos y las vistas que no caben en la barra

## La sala del taller: votos con puntos en las tarjetas
vote-refused-closed = la votación está cerrada
vote-refused-unknown-card = el mapa no tiene la tarjeta { $card }
vote-refused-not-votable = la tarjeta { $card } no está abierta a votación
vote-refused-no-dots-left = no quedan puntos: cada participante tiene { $dots ->
        [one] 1 punto
       *[other] { $dots } puntos
    }
vote-refused-no-vote = este participante no tiene ningún punto en la tarjeta { $card } que retirar
vote-refused-participant = el id de un participante tiene de 1 a { $limit } letras, cifras, «-» o «_»
vote-refused-name = un nombre tiene como mucho { $limit } caracteres, en una sola línea
vote-refused-full = la sala admite como máximo { $limit } votos
counted-votes = votos
invalid-vote-unknown-card = el voto { $vote } está en la tarjeta { $card }, que no existe
invalid-vote-participant = voto { $vote }: el id de un participante tiene de 1 a { $limit } letras, cifras, «-» o «_»
invalid-vote-name = voto { $vote }: el nombre de un participante tiene como mucho { $limit } caracteres, en una sola línea
invalid-room-dots = cada participante recibe { $dots } puntos: deben ser de 1 a { $limit }
invalid-voting-unknown = la votación está configurada para { $item } { $id }, que no existe
step-vote = votar por «{ $name }»
step-take-back-vote = retirar un voto de «{ $name }»
step-put-back-vote = devolver un voto a «{ $name }»
step-clear-votes = borrar los votos
step-close-voting = cerrar la votación
step-open-voting = reabrir la votación
step-reveal-votes = mostrar los votos
step-hide-votes = ocultar los votos
step-dots = dar { $name } puntos a cada participante
step-open-lane-to-votes = abrir el carril «{ $name }» a votación
step-close-lane-to-votes = cerrar el carril «{ $name }» a votación
step-lane-votes-as-usual = que el carril «{ $name }» se vote como de costumbre
step-open-card-to-votes = abrir la tarjeta «{ $name }» a votación
step-close-card-to-votes = cerrar la tarjeta «{ $name }» a votación
step-card-votes-as-usual = que la tarjeta «{ $name }» se vote como su carril
step-room = cambiar la sala del taller
col-votes = Votos
info-votes = Votos
info-voters = Personas que votaron
cli-gap-by = Cómo ordenar las etapas
cli-roadmap-by = Cómo ordenar las acciones
cli-value-by = ORDEN
cli-name-by-gap = brecha
cli-name-by-votes = votos
cli-name-by-roadmap = hoja-de-ruta
cli-by-gap = primero la mayor brecha
cli-by-votes-gap = primero las etapas con más votos en sus puntos de dolor y momentos de dolor
cli-by-roadmap = como el tablero de la hoja de ruta: línea de trabajo, horizonte, prioridad
cli-by-votes-roadmap = primero las acciones con más votos en las tarjetas que muestran y abordan

## Diálogo de exportar: qué dibujar, y la leyenda propia de la hoja de ruta
export-draw = Dibujar
export-draw-journey = El trayecto
export-draw-overlay = Actual + objetivo
export-draw-roadmap = La hoja de ruta
export-draw-actions = La tabla de acciones
export-legend-priorities = Leyenda de prioridades
recovery-details-uncounted = { $cards ->
        [one] 1 tarjeta
       *[other] { $cards } tarjetas
    } · última edición { $ago }
step-votes = cambiar los votos
mermaid-feelings-lane = Emociones

## La sala del taller: respuestas y errores del servidor
room-refused-bad-json = la petición no es el JSON que espera la sala
room-refused-too-large = la petición pasa de { $limit } KiB
room-refused-unknown-stage = el mapa no tiene la etapa { $stage }
room-refused-unknown-lane = el mapa no tiene el carril { $lane }
room-refused-empty-note = la nota está vacía
room-refused-note-too-long = una nota tiene como mucho { $limit } caracteres
room-refused-too-many-notes = demasiadas notas por ahora: espera a que las lea quien facilita
room-refused-rate-limited = demasiadas peticiones: espera un momento y vuelve a intentarlo
room-refused-closed = la sala está cerrada
room-error-listen = la sala no puede escuchar en { $at }: { $reason }
room-error-random = no hay clave aleatoria para la sala: { $reason }

## La sala del taller en el editor
menu-workshop = Taller
room-panel-menu = Panel de la sala
room-panel-title = Sala del taller
room-panel-closed-help = Abre la sala y quienes estén aquí entran desde el móvil en esta red: ven el trayecto, ponen sus puntos en los puntos de dolor y las oportunidades, y te mandan notas. Sin cuentas, sin internet.
room-open = Abrir la sala
room-close = Cerrar la sala
room-copy-address = Copiar la dirección
room-address-copied = La dirección de la sala está en el portapapeles.
room-opened-status = La sala está abierta en { $address }
room-closed-status = La sala está cerrada: los móviles se han desconectado. Los puntos y las notas se quedan.
room-counts-long = { $joined ->
        [one] 1 móvil ha entrado desde que se abrió la sala
       *[other] { $joined } móviles han entrado desde que se abrió la sala
    } · { $voters ->
        [one] 1 persona ha votado
       *[other] { $voters } personas han votado
    } · { $dots ->
        [one] 1 punto
       *[other] { $dots } puntos
    }
room-counts-short = Sala: { $joined } · { $dots ->
        [one] 1 punto
       *[other] { $dots } puntos
    } · { $notes ->
        [one] 1 nota esperando
       *[other] { $notes } notas esperando
    }
room-dots-each = Puntos por persona
room-close-voting = Cerrar la votación
room-reopen-voting = Reabrir la votación
room-reveal-dots = Mostrar los puntos
room-hide-dots = Ocultar los puntos
room-clear-votes = Borrar los votos
room-votes-cleared = { $count ->
        [one] Se ha quitado 1 punto de las tarjetas.
       *[other] Se han quitado { $count } puntos de las tarjetas.
    }
room-voting-closed = La votación está cerrada.
room-inbox-title = { $count ->
        [0] Bandeja
        [one] Bandeja: 1 nota
       *[other] Bandeja: { $count } notas
    }
room-inbox-empty = Las notas que llegan de los móviles esperan aquí hasta que las añadas al mapa.
room-note-anonymous = sin nombre
room-note-pick-lane = Elige un carril
room-note-accept = Añadir al mapa
room-note-drop = Descartar
room-scan-to-join = Escanea para entrar
cli-room = abre la sala del taller al arrancar el editor (se entra desde el móvil; se imprime su dirección)
cli-room-port = el puerto de la sala (por defecto 8040, si no, uno libre)
cli-room-bind = la dirección en la que escucha la sala (por defecto: todas las redes de este equipo)

## Sala del taller: la página de los participantes en el móvil (assets/room). Solo texto:
## room.js sustituye él mismo las marcas %nombre%.
room-page-title = Sala del taller
room-page-loading = Entrando en la sala…
room-page-journey-label = Trayecto
room-page-connection-connecting = Conectando
room-page-connection-live = En directo
room-page-connection-polling = Reconectando
room-page-connection-offline = Sin conexión
room-page-dots-left = Te quedan %left% de %total% puntos
room-page-dots-left-one = Te queda %left% de %total% puntos
room-page-name-label = Tu nombre (opcional)
room-page-name-hint = Quien facilita el taller lo verá junto a tus puntos y tus notas.
room-page-map-heading = El mapa
room-page-map-alt = El mapa del trayecto
room-page-map-zoom = Zoom
room-page-zoom-in = Acercar
room-page-zoom-out = Alejar
room-page-zoom-fit = Ajustar
room-page-map-hint = Pellizca o usa + y − para ampliar, y arrastra para moverte.
room-page-map-open = Abrir a tamaño completo
room-page-map-error = No se ha podido cargar la imagen del mapa.
room-page-map-updated = El mapa se ha actualizado.
room-page-vote-heading = Vota con tus puntos
room-page-vote-hint = Toca una tarjeta para ponerle uno de tus puntos. Puedes poner varios puntos en la misma tarjeta.
room-page-no-cards = Todavía no hay tarjetas para votar.
room-page-your-dots = Tus puntos: %mine%
room-page-votes-one = %votes% voto en total
room-page-votes-other = %votes% votos en total
room-page-take-back = Quitar
room-page-take-back-label = Quitar un punto de «%card%»
room-page-voted = Punto puesto en «%card%».
room-page-taken-back = Punto quitado de «%card%».
room-page-untitled = Tarjeta sin título
room-page-voting-closed = La votación está cerrada. Aún puedes ver el mapa y enviar notas.
room-page-no-dots = Ya has usado todos tus puntos. ¿Has cambiado de idea? Quita uno de una tarjeta.
room-page-revealed = Ya se ven los votos: cada tarjeta muestra su total.
room-page-note-heading = Envía una nota
room-page-note-hint = ¿Falta algo o hay algo que no encaja? Escribe una nota para quien facilita el taller.
room-page-note-stage = Etapa
room-page-note-stage-choose = Elige una etapa
room-page-note-lane = Carril
room-page-note-any-lane = Cualquier carril
room-page-note-text = Tu nota
room-page-note-counter = %used% de %max% caracteres
room-page-note-send = Enviar nota
room-page-note-sending = Enviando…
room-page-note-sent = Enviada: quien facilita el taller la verá.
room-page-note-need-stage = Elige la etapa de la que trata tu nota.
room-page-note-need-text = Primero escribe tu nota.
room-page-closed = Esta sala está cerrada
room-page-closed-hint = Gracias por participar. Ya puedes cerrar esta página.
room-page-error-network = No se ha podido conectar con la sala. Comprueba que estás en la wifi del taller y vuelve a intentarlo.
room-page-error-unknown = Algo ha fallado (error %status%). Vuelve a intentarlo.
room-page-dismiss = Cerrar
gap-rank-by = Ordenar por:
gap-rank-gap = brecha
gap-rank-votes = votos
gap-heading-votes = { $current } → { $target }, primero las etapas con más puntos en el dolor; clic en una fila para ir a la etapa
room-code-hide-hint = Q: ocultar el código
gap-stage-dots = { $count ->
        [one] 1 punto
       *[other] { $count } puntos
    }
cli-room-port-value = PUERTO
cli-room-bind-value = DIRECCIÓN
cli-room-bad-port = un puerto es un número entero de 0 a 65535
cli-room-bad-bind = una dirección son cuatro números como 192.168.1.20 (o una dirección IPv6)
room-notes-waiting-title = Hay notas de la sala esperando
room-notes-waiting-question = { $count ->
        [one] Una nota de la sala espera en la bandeja. No está en ningún archivo hasta que esté en el mapa: ¿la añades como tarjeta o la descartas?
       *[other] { $count } notas de la sala esperan en la bandeja. No están en ningún archivo hasta que estén en el mapa: ¿las añades como tarjetas o las descartas?
    }
room-notes-waiting-add = Añadir al mapa
room-notes-waiting-drop = Descartar
room-show-this-journey = Mostrar este trayecto en la sala
gap-rank-votes-hidden = Los puntos de la sala están ocultos: muéstralos primero (Taller → Mostrar los puntos).
recovery-room-notes = { $count ->
        [one] y 1 nota de la sala que esperaba en la bandeja
       *[other] y { $count } notas de la sala que esperaban en la bandeja
    }
cli-recover-room-notes = { $count ->
        [one] 1 nota de la sala del taller esperaba en la bandeja; no está en ningún archivo de mapa: abre el editor y recupera allí el mapa para tenerla de nuevo
       *[other] { $count } notas de la sala del taller esperaban en la bandeja; no están en ningún archivo de mapa: abre el editor y recupera allí el mapa para tenerlas de nuevo
    }
room-note-dropped = Nota descartada.
