<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>bt::Alignment</name>
    <message>
        <source>empty page image</source>
        <translation>imagen de página vacía</translation>
    </message>
    <message>
        <source>unreliable alignment (overlap %1): the sheets may be different drawings</source>
        <translation>alineación poco fiable (solapamiento %1): los planos pueden ser dibujos distintos</translation>
    </message>
</context>
<context>
    <name>bt::Compare</name>
    <message>
        <source>cannot write %1</source>
        <translation>no se puede escribir %1</translation>
    </message>
    <message>
        <source>%1: page %2 could not be rendered (%3)</source>
        <translation>%1: no se pudo representar la página %2 (%3)</translation>
    </message>
</context>
<context>
    <name>bt::Document</name>
    <message>
        <source>file not found</source>
        <translation>no se encontró el archivo</translation>
    </message>
    <message>
        <source>is a folder, not a PDF or image file</source>
        <translation>es una carpeta, no un archivo PDF o de imagen</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>no se puede leer (%1)</translation>
    </message>
    <message>
        <source>file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>PDF is truncated (no end-of-file marker)</source>
        <translation>el PDF está truncado (falta la marca de fin de archivo)</translation>
    </message>
    <message>
        <source>PDF is password-protected; give its password</source>
        <translation>el PDF está protegido con contraseña; indique la contraseña</translation>
    </message>
    <message>
        <source>wrong password for this PDF</source>
        <translation>contraseña incorrecta para este PDF</translation>
    </message>
    <message>
        <source>PDF uses an unsupported encryption scheme</source>
        <translation>el PDF usa un cifrado no compatible</translation>
    </message>
    <message>
        <source>PDF has no pages</source>
        <translation>el PDF no tiene páginas</translation>
    </message>
    <message>
        <source>PDF is damaged and cannot be opened</source>
        <translation>el PDF está dañado y no se puede abrir</translation>
    </message>
    <message>
        <source>not a PDF or an image (PNG, JPEG, TIFF)</source>
        <translation>no es un PDF ni una imagen (PNG, JPEG, TIFF)</translation>
    </message>
    <message>
        <source>image is %1 x %2 pixels, more than the %3 MP limit</source>
        <translation>la imagen tiene %1 x %2 píxeles, más que el límite de %3 MP</translation>
    </message>
    <message>
        <source>image is damaged and cannot be read (%1)</source>
        <translation>la imagen está dañada y no se puede leer (%1)</translation>
    </message>
    <message>
        <source>page %1 has no size</source>
        <translation>la página %1 no tiene tamaño</translation>
    </message>
    <message>
        <source>page %1 is %2 x %3 in, too large to render even at %4 DPI within %5 MP</source>
        <translation>la página %1 mide %2 x %3 pulg., demasiado grande para renderizarla incluso a %4 DPI dentro de %5 MP</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>no es un archivo regular</translation>
    </message>
    <message>
        <source>page %1 is %2 x %3 pt, not the size or shape of a drawing sheet</source>
        <translation>la página %1 mide %2 x %3 pt, ni el tamaño ni la forma de una hoja de plano</translation>
    </message>
    <message>
        <source>opening was cancelled</source>
        <translation>se canceló la apertura</translation>
    </message>
    <message>
        <source>PDF is damaged and cannot be opened (%1)</source>
        <translation>el PDF está dañado y no se puede abrir (%1)</translation>
    </message>
</context>
<context>
    <name>bt::JobStore</name>
    <message>
        <source>%1: cannot open the history (%2)</source>
        <translation>%1: no se puede abrir el historial (%2)</translation>
    </message>
    <message>
        <source>%1: the history file is read-only and of an older version (%2, this version uses %3): upgrading it needs write access</source>
        <translation>%1: el archivo de historial es de solo lectura y de una versión anterior (%2, esta versión usa %3): actualizarlo requiere acceso de escritura</translation>
    </message>
    <message>
        <source>%1: the history file is read-only</source>
        <translation>%1: el archivo de historial es de solo lectura</translation>
    </message>
    <message>
        <source>cannot create its folder</source>
        <translation>no se puede crear su carpeta</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>no es un archivo</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>no existe el archivo</translation>
    </message>
    <message>
        <source>%1: the history file is damaged (%2)</source>
        <translation>%1: el archivo de historial está dañado (%2)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: no existe el archivo</translation>
    </message>
    <message>
        <source>%1: cannot rename it to %2</source>
        <translation>%1: no se puede renombrar a %2</translation>
    </message>
</context>
<context>
    <name>bt::OutputFile</name>
    <message>
        <source>is a folder, not a file</source>
        <translation>es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>is not a file, a FIFO or a character device</source>
        <translation>no es un archivo, un FIFO ni un dispositivo de caracteres</translation>
    </message>
</context>
<context>
    <name>bt::Pipeline</name>
    <message>
        <source>a job is already running</source>
        <translation>ya hay una comparación en curso</translation>
    </message>
    <message>
        <source>%1: cannot record the job (%2)</source>
        <translation>%1: no se puede registrar la comparación en el historial (%2)</translation>
    </message>
    <message>
        <source>no job %1 in the history</source>
        <translation>no hay ninguna comparación %1 en el historial</translation>
    </message>
    <message>
        <source>%1: the file changed since job %2 ran</source>
        <translation>%1: el archivo cambió después de la comparación %2</translation>
    </message>
    <message>
        <source>not compared: the OCR stage failed</source>
        <translation>no comparado: falló la etapa de OCR</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>memoria insuficiente</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
    <message>
        <source>these sheets cannot be changed that way</source>
        <translation>estas hojas no se pueden cambiar así</translation>
    </message>
</context>
<context>
    <name>bt::ProjectStore</name>
    <message>
        <source>a project needs a name</source>
        <translation>un proyecto necesita un nombre</translation>
    </message>
    <message>
        <source>there is a project named &quot;%1&quot; already</source>
        <translation>ya existe un proyecto llamado «%1»</translation>
    </message>
    <message>
        <source>no project %1</source>
        <translation>no hay ningún proyecto %1</translation>
    </message>
</context>
<context>
    <name>bt::RenderProcess</name>
    <message>
        <source>the rendered page could not be read back</source>
        <translation>no se pudo leer la página representada</translation>
    </message>
    <message>
        <source>the page needed more than %1 s of processor time</source>
        <translation>la página necesitó más de %1 s de tiempo de procesador</translation>
    </message>
    <message>
        <source>the renderer was killed (out of memory?)</source>
        <translation>el renderizador fue terminado (¿sin memoria?)</translation>
    </message>
    <message>
        <source>the renderer crashed or ran out of memory (limit %1 MB)</source>
        <translation>el renderizador falló o se quedó sin memoria (límite %1 MB)</translation>
    </message>
    <message>
        <source>the renderer stopped unexpectedly (exit %1)</source>
        <translation>el renderizador se detuvo inesperadamente (código %1)</translation>
    </message>
    <message>
        <source>cannot start the renderer %1 (%2)</source>
        <translation>no se puede iniciar el renderizador %1 (%2)</translation>
    </message>
    <message>
        <source>took longer than %1 s</source>
        <translation>tardó más de %1 s</translation>
    </message>
</context>
<context>
    <name>bt::Report</name>
    <message>
        <source>%1: cannot write the change list (%2)</source>
        <translation>%1: no se puede escribir la lista de cambios (%2)</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>review status</comment>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Accepted</source>
        <comment>review status</comment>
        <translation>Aceptado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>review status</comment>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Needs clarification</source>
        <comment>review status</comment>
        <translation>Requiere aclaración</translation>
    </message>
    <message>
        <source>pending</source>
        <comment>job status</comment>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>in progress</source>
        <comment>job status</comment>
        <translation>en curso</translation>
    </message>
    <message>
        <source>completed</source>
        <comment>job status</comment>
        <translation>completada</translation>
    </message>
    <message>
        <source>completed with errors</source>
        <comment>job status</comment>
        <translation>completada con errores</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>job status</comment>
        <translation>fallida</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>job status</comment>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Sheet %1</source>
        <translation>Plano %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Drawing comparison report</source>
        <translation>Informe de comparación de planos</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>Plano</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Old text</source>
        <translation>Texto anterior</translation>
    </message>
    <message>
        <source>New text</source>
        <translation>Texto nuevo</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>review status: comment</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Planos</translation>
    </message>
    <message>
        <source>Sheets (continued)</source>
        <translation>Planos (continuación)</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Página %1</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Leyenda</translation>
    </message>
    <message>
        <source>Unchanged: in both sets</source>
        <translation>Sin cambios: en ambos juegos de planos</translation>
    </message>
    <message>
        <source>Removed: only in the old set (%1)</source>
        <translation>Eliminado: solo en el juego anterior (%1)</translation>
    </message>
    <message>
        <source>Added: only in the new set (%1)</source>
        <translation>Añadido: solo en el juego nuevo (%1)</translation>
    </message>
    <message>
        <source>Cloud: a change, numbered as in the table</source>
        <translation>Nube: un cambio, numerado como en la tabla</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>página %1 de %2</translation>
    </message>
    <message>
        <source>not in this set</source>
        <translation>no está en este juego</translation>
    </message>
    <message>
        <source>Old: %1. New: %2.</source>
        <translation>Anterior: %1. Nuevo: %2.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Changes (%1)</source>
        <translation>Cambios (%1)</translation>
    </message>
    <message>
        <source>(changes continued)</source>
        <translation>(cambios, continuación)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n cambio</numerusform>
            <numerusform>%n cambios</numerusform>
        </translation>
    </message>
    <message>
        <source>Sheet %1 of %2 · %3</source>
        <translation>Plano %1 de %2 · %3</translation>
    </message>
    <message>
        <source>the job kept no overlay</source>
        <translation>la comparación no guardó ninguna superposición</translation>
    </message>
    <message>
        <source>No sheet image: %1</source>
        <translation>Sin imagen del plano: %1</translation>
    </message>
    <message>
        <source>the sheet was not compared</source>
        <translation>el plano no se comparó</translation>
    </message>
    <message>
        <source>No sheet image: page %1 of %2 cannot be rendered</source>
        <translation>Sin imagen del plano: no se puede renderizar la página %1 de %2</translation>
    </message>
    <message>
        <source>No overlay (%1): the new sheet is shown with boxes around the changes.</source>
        <translation>Sin superposición (%1): se muestra el plano nuevo con recuadros alrededor de los cambios.</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ninguno.</translation>
    </message>
    <message>
        <source>cannot start the PDF</source>
        <translation>no se puede iniciar el PDF</translation>
    </message>
    <message>
        <source>cannot add a page</source>
        <translation>no se puede añadir una página</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>%1: cannot write the report (%2)</source>
        <translation>%1: no se puede escribir el informe (%2)</translation>
    </message>
    <message>
        <source>%1: report not written (%2)</source>
        <translation>%1: informe no escrito (%2)</translation>
    </message>
    <message>
        <source>%1: cannot read the overlay (%2)</source>
        <translation>%1: no se puede leer la superposición (%2)</translation>
    </message>
    <message>
        <source>%1: not an overlay palette image</source>
        <translation>%1: no es una imagen de superposición con paleta</translation>
    </message>
    <message>
        <source>Changed</source>
        <comment>sheet status</comment>
        <translation>Con cambios</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <comment>sheet status</comment>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>Added</source>
        <comment>sheet status</comment>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Removed</source>
        <comment>sheet status</comment>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>sheet status</comment>
        <translation>Con error</translation>
    </message>
    <message>
        <source>Not compared</source>
        <comment>sheet status</comment>
        <translation>No comparado</translation>
    </message>
    <message>
        <source>Added</source>
        <comment>change kind</comment>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Removed</source>
        <comment>change kind</comment>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Modified</source>
        <comment>change kind</comment>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Summary (rewritten by the AI model %1)</source>
        <translation>Resumen (reescrito por el modelo de IA %1)</translation>
    </message>
    <message>
        <source>Moved</source>
        <comment>change kind</comment>
        <translation>Movido</translation>
    </message>
    <message>
        <source>%1: cannot read the NEW set for the markups (%2)</source>
        <translation>%1: no se puede leer el juego NUEVO para las marcas (%2)</translation>
    </message>
    <message>
        <source>%1: not a PDF; markups need a PDF set</source>
        <translation>%1: no es un PDF; las marcas necesitan un juego PDF</translation>
    </message>
    <message>
        <source>%1: changed since the comparison; compare it again for markups</source>
        <translation>%1: cambió desde la comparación; vuelva a compararlo para las marcas</translation>
    </message>
    <message>
        <source>%1: has %2 pages, the comparison had more</source>
        <translation>%1: tiene %2 páginas, la comparación tenía más</translation>
    </message>
    <message>
        <source>%1: password-protected; markups need its password</source>
        <translation>%1: protegido con contraseña; las marcas necesitan su contraseña</translation>
    </message>
    <message>
        <source>%1: cannot write markups on it (%2)</source>
        <translation>%1: no se pueden escribir marcas en él (%2)</translation>
    </message>
    <message>
        <source>%1: cannot write the markups (%2)</source>
        <translation>%1: no se pueden escribir las marcas (%2)</translation>
    </message>
    <message>
        <source>Alignment uncertain — check: %1</source>
        <translation>Alineación dudosa — revisar: %1</translation>
    </message>
    <message>
        <source>Aligned by hand.</source>
        <translation>Alineado a mano.</translation>
    </message>
    <message>
        <source>Aligned automatically.</source>
        <translation>Alineado automáticamente.</translation>
    </message>
    <message>
        <source>Dashed grey cloud: a rejected change</source>
        <translation>Nube gris discontinua: un cambio rechazado</translation>
    </message>
    <message>
        <source>nothing to report</source>
        <translation>nada que informar</translation>
    </message>
    <message>
        <source>Project no. %1</source>
        <translation>Proyecto n.º %1</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Cliente: %1</translation>
    </message>
    <message>
        <source>Old set</source>
        <translation>Juego de planos anterior</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>Juego de planos nuevo</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Emitido por</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Comparado</translation>
    </message>
    <message>
        <source>%1 of %2 changes reviewed: %3 accepted, %4 rejected, %5 need clarification</source>
        <translation>%1 de %2 cambios revisados: %3 aceptados, %4 rechazados, %5 por aclarar</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Alineación</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>PPP</translation>
    </message>
    <message>
        <source>Appendix: comparison details</source>
        <translation>Anexo: detalles de la comparación</translation>
    </message>
    <message>
        <source>Old file</source>
        <translation>Archivo anterior</translation>
    </message>
    <message>
        <source>%1 (modified %2)</source>
        <translation>%1 (modificado %2)</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>Archivo nuevo</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Comparación</translation>
    </message>
    <message>
        <source>%1, %2, started %3</source>
        <translation>%1, %2, iniciada %3</translation>
    </message>
    <message>
        <source>Alignment of each sheet</source>
        <translation>Alineación de cada plano</translation>
    </message>
    <message>
        <source>Appendix (continued)</source>
        <translation>Anexo (continuación)</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>revisión %1</translation>
    </message>
    <message>
        <source>%1 (%2, from the title blocks)</source>
        <comment>set name, revision and date</comment>
        <translation>%1 (%2, según los cajetines)</translation>
    </message>
</context>
<context>
    <name>bt::ServerClient</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>bt::Summary</name>
    <message>
        <source>between grids %1</source>
        <translation>entre los ejes %1</translation>
    </message>
    <message>
        <source>near grid %1</source>
        <translation>junto al eje %1</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>quoted text from the drawing</comment>
        <translation>«%1»</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>upper left</source>
        <translation>arriba a la izquierda</translation>
    </message>
    <message>
        <source>upper centre</source>
        <translation>arriba al centro</translation>
    </message>
    <message>
        <source>upper right</source>
        <translation>arriba a la derecha</translation>
    </message>
    <message>
        <source>middle left</source>
        <translation>en el centro a la izquierda</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>en el centro</translation>
    </message>
    <message>
        <source>middle right</source>
        <translation>en el centro a la derecha</translation>
    </message>
    <message>
        <source>lower left</source>
        <translation>abajo a la izquierda</translation>
    </message>
    <message>
        <source>lower centre</source>
        <translation>abajo al centro</translation>
    </message>
    <message>
        <source>lower right</source>
        <translation>abajo a la derecha</translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation>plano %1</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Plano</translation>
    </message>
    <message>
        <source>%1: sheet added in the new set.</source>
        <translation>%1: plano añadido en el nuevo juego de planos.</translation>
    </message>
    <message>
        <source>%1: sheet removed from the new set.</source>
        <translation>%1: plano eliminado del nuevo juego de planos.</translation>
    </message>
    <message>
        <source>%1: comparison failed: %2</source>
        <translation>%1: la comparación falló: %2</translation>
    </message>
    <message>
        <source>%1: no changes.</source>
        <translation>%1: sin cambios.</translation>
    </message>
    <message>
        <source>%1 added</source>
        <comment>a dimension</comment>
        <translation>%1 añadida</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <comment>a dimension</comment>
        <translation>%1 eliminada</translation>
    </message>
    <message>
        <source>note added: %1</source>
        <translation>nota añadida: %1</translation>
    </message>
    <message>
        <source>note removed: %1</source>
        <translation>nota eliminada: %1</translation>
    </message>
    <message>
        <source>note changed: %1</source>
        <translation>nota modificada: %1</translation>
    </message>
    <message>
        <source>added %1</source>
        <comment>a text</comment>
        <translation>%1 añadido</translation>
    </message>
    <message>
        <source>removed %1</source>
        <comment>a text</comment>
        <translation>%1 eliminado</translation>
    </message>
    <message numerus="yes">
        <source>%n text</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n texto</numerusform>
            <numerusform>%n textos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dimension(s)</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n cota</numerusform>
            <numerusform>%n cotas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n nota</numerusform>
            <numerusform>%n notas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drawing</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n en el dibujo</numerusform>
            <numerusform>%n en el dibujo</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <comment>sheet: number of changes — categories</comment>
        <translation>%1: %2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n cambio</numerusform>
            <numerusform>%n cambios</numerusform>
        </translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation>Texto: %1</translation>
    </message>
    <message numerus="yes">
        <source>Dimension(s) %1</source>
        <translation>
            <numerusform>Cota %1</numerusform>
            <numerusform>Cotas %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n añadido</numerusform>
            <numerusform>%n añadidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n eliminado</numerusform>
            <numerusform>%n eliminados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modified</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n modificado</numerusform>
            <numerusform>%n modificados</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawing: %1</source>
        <translation>Dibujo: %1</translation>
    </message>
    <message>
        <source>No sheets compared.</source>
        <translation>No se comparó ningún plano.</translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n con cambios</numerusform>
            <numerusform>%n con cambios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n sin cambios</numerusform>
            <numerusform>%n sin cambios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n añadido</numerusform>
            <numerusform>%n añadidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n eliminado</numerusform>
            <numerusform>%n eliminados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n con error</numerusform>
            <numerusform>%n con errores</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <comment>sheets compared: how many of each</comment>
        <translation>%1: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) compared</source>
        <translation>
            <numerusform>%n plano comparado</numerusform>
            <numerusform>%n planos comparados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n movido(s)</numerusform>
            <numerusform>%n movido(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2; %3.</source>
        <comment>sheets compared: how many of each; not compared</comment>
        <translation>%1: %2; %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sheet(s) compared</source>
        <translation>
            <numerusform>%1 de %n plano comparado</numerusform>
            <numerusform>%1 de %n planos comparados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not compared</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n sin comparar</numerusform>
            <numerusform>%n sin comparar</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2×)</source>
        <comment>the same change, how many times</comment>
        <translation>%1 (%2×)</translation>
    </message>
</context>
<context>
    <name>bt::SyncService</name>
    <message>
        <source>No job server is set up (Settings → Job server).</source>
        <translation>No hay ningún servidor de trabajos configurado (Ajustes → Servidor de trabajos).</translation>
    </message>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Esa comparación ya no está en el historial.</translation>
    </message>
    <message>
        <source>That comparison is on the server already.</source>
        <translation>Esa comparación ya está en el servidor.</translation>
    </message>
    <message>
        <source>Deleting a job on the server</source>
        <translation>La eliminación de un trabajo en el servidor</translation>
    </message>
    <message>
        <source>Sending %1 to the server</source>
        <translation>El envío de %1 al servidor</translation>
    </message>
    <message>
        <source>Starting the job on the server</source>
        <translation>El inicio del trabajo en el servidor</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ha fallado: %2</translation>
    </message>
    <message>
        <source>Sending reviews to the server</source>
        <translation>El envío de las revisiones al servidor</translation>
    </message>
</context>
<context>
    <name>bt::ui::AlignByPointsTool</name>
    <message>
        <source>&amp;Undo Point</source>
        <translation>&amp;Deshacer punto</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Align by points</source>
        <translation>Alinear por puntos</translation>
    </message>
    <message>
        <source>Align the sheet by the picked points and compare it again</source>
        <translation>Alinear la hoja por los puntos elegidos y compararla de nuevo</translation>
    </message>
    <message>
        <source>Two point pairs picked. Apply aligns the sheet by them and compares it again.</source>
        <translation>Dos pares de puntos elegidos. Aplicar alinea la hoja con ellos y la compara de nuevo.</translation>
    </message>
    <message>
        <source>The two points are at the same place: undo and pick points far apart.</source>
        <translation>Los dos puntos están en el mismo lugar: deshaga y elija puntos alejados.</translation>
    </message>
    <message>
        <source>Point %1 of 2: click a distinct feature (a grid bubble, a corner) on the OLD sheet (left).</source>
        <translation>Punto %1 de 2: haga clic en un detalle claro (círculo de eje, esquina) en la hoja ANTIGUA (izquierda).</translation>
    </message>
    <message>
        <source>Point %1 of 2: click the same feature on the NEW sheet (right).</source>
        <translation>Punto %1 de 2: haga clic en el mismo detalle en la hoja NUEVA (derecha).</translation>
    </message>
</context>
<context>
    <name>bt::ui::ChangeListModel</name>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%1 por %2, %3</translation>
    </message>
    <message>
        <source>added</source>
        <translation>añadido</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>modificado</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>drawing change</source>
        <translation>cambio en el dibujo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Clarify</source>
        <translation>Aclarar</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>movido</translation>
    </message>
    <message>
        <source>The whole sheet: added in NEW</source>
        <translation>El plano entero: añadido en NUEVA</translation>
    </message>
    <message>
        <source>The whole sheet: removed from OLD</source>
        <translation>El plano entero: eliminado de ANTERIOR</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>review status (reviewer)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>bt::ui::ComparePage</name>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>On Server</source>
        <translation>En servidor</translation>
    </message>
    <message>
        <source>Swap OLD and NEW (%1)</source>
        <translation>Intercambiar ANTERIOR y NUEVA (%1)</translation>
    </message>
    <message>
        <source>Swap old and new</source>
        <translation>Intercambiar anterior y nueva</translation>
    </message>
    <message>
        <source>Compare OLD with NEW (Return or %1)</source>
        <translation>Comparar ANTERIOR con NUEVA (Intro o %1)</translation>
    </message>
    <message>
        <source>Compare on the team&apos;s job server (%1)</source>
        <translation>Comparar en el servidor de trabajos del equipo (%1)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Con cambios</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>BuildTrace</source>
        <translation>BuildTrace</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>%n plano</numerusform>
            <numerusform>%n planos</numerusform>
        </translation>
    </message>
    <message>
        <source>This comparison has no sheets.</source>
        <translation>Esta comparación no tiene planos.</translation>
    </message>
    <message>
        <source>Waiting for the job server: it cannot be reached now. The comparison is sent when it can.</source>
        <translation>Esperando al servidor de trabajos: ahora no se puede acceder a él. La comparación se enviará en cuanto sea posible.</translation>
    </message>
    <message>
        <source>Sending the sets to the job server…</source>
        <translation>Enviando los juegos de planos al servidor de trabajos…</translation>
    </message>
    <message>
        <source>The job server is matching the sheets…</source>
        <translation>El servidor de trabajos está emparejando los planos…</translation>
    </message>
    <message>
        <source>Matching sheets…</source>
        <translation>Emparejando planos…</translation>
    </message>
    <message>
        <source>Not resumed.</source>
        <translation>No se reanudó.</translation>
    </message>
    <message>
        <source>Not compared.</source>
        <translation>No se comparó.</translation>
    </message>
    <message>
        <source>No sheets.</source>
        <translation>Ningún plano.</translation>
    </message>
    <message>
        <source>Sheet &amp;Table</source>
        <translation>Tab&amp;la de planos</translation>
    </message>
    <message>
        <source>Search number, title, changed text</source>
        <translation>Buscar número, título, texto cambiado</translation>
    </message>
    <message>
        <source>Search sheets</source>
        <translation>Buscar planos</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>Disciplina</translation>
    </message>
    <message>
        <source>All disciplines</source>
        <translation>Todas las disciplinas</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Show the sheets as a table (%1)</source>
        <translation>Mostrar los planos como tabla (%1)</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadidos</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Eliminados</translation>
    </message>
    <message>
        <source>Show sheets only in NEW</source>
        <translation>Mostrar los planos que solo están en NUEVA</translation>
    </message>
    <message>
        <source>Show sheets only in OLD</source>
        <translation>Mostrar los planos que solo están en ANTERIOR</translation>
    </message>
</context>
<context>
    <name>bt::ui::DropZone</name>
    <message>
        <source>Drawing sets (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Juegos de planos (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Old revision</source>
        <translation>Revisión anterior</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Revisión nueva</translation>
    </message>
    <message>
        <source>OLD revision</source>
        <translation>Revisión ANTERIOR</translation>
    </message>
    <message>
        <source>NEW revision</source>
        <translation>Revisión NUEVA</translation>
    </message>
    <message>
        <source>Drop a PDF or image here</source>
        <translation>Suelte aquí un PDF o una imagen</translation>
    </message>
    <message>
        <source>or click to choose a file</source>
        <translation>o haga clic para elegir un archivo</translation>
    </message>
    <message>
        <source>Reading… · %1</source>
        <translation>Leyendo… · %1</translation>
    </message>
    <message>
        <source>Password protected · %1</source>
        <translation>Protegido con contraseña · %1</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) · %1</source>
        <translation>
            <numerusform>%n plano · %1</numerusform>
            <numerusform>%n planos · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No file. Press Space to choose one.</source>
        <translation>Ningún archivo. Pulse Espacio para elegir uno.</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <source>Recent Files</source>
        <translation>Archivos recientes</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Choose the old revision</source>
        <translation>Elegir la revisión anterior</translation>
    </message>
    <message>
        <source>Choose the new revision</source>
        <translation>Elegir la revisión nueva</translation>
    </message>
</context>
<context>
    <name>bt::ui::ExportActions</name>
    <message>
        <source>Export &amp;Report…</source>
        <translation>Exportar in&amp;forme…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;Markups…</source>
        <translation>Exportar &amp;marcas…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Export Change &amp;List…</source>
        <translation>Exportar &amp;lista de cambios…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Print Sheet…</source>
        <translation>&amp;Imprimir plano…</translation>
    </message>
    <message>
        <source>Print Repor&amp;t…</source>
        <translation>Imprimir &amp;informe…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Esa comparación ya no está en el historial.</translation>
    </message>
</context>
<context>
    <name>bt::ui::Help</name>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>BuildTrace User Guide</source>
        <translation>Guía del usuario de BuildTrace</translation>
    </message>
    <message>
        <source>About BuildTrace</source>
        <translation>Acerca de BuildTrace</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;BuildTrace %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Compares two revisions of a construction drawing set sheet by sheet. Everything runs on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;BuildTrace %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Compara dos revisiones de un juego de planos, plano por plano. Todo se ejecuta en este equipo.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>bt::ui::HistoryPanel</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Past comparisons</source>
        <translation>Comparaciones anteriores</translation>
    </message>
    <message>
        <source>Show the results of this comparison (Return)</source>
        <translation>Mostrar los resultados de esta comparación (Intro)</translation>
    </message>
    <message>
        <source>Finish an interrupted or cancelled comparison</source>
        <translation>Terminar una comparación interrumpida o cancelada</translation>
    </message>
    <message>
        <source>Remove this comparison and its overlays from the history (Delete)</source>
        <translation>Quitar esta comparación y sus superposiciones del historial (Supr)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>No comparisons yet.</source>
        <translation>Aún no hay comparaciones.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>E&amp;nviar</translation>
    </message>
    <message>
        <source>Send this comparison to the job server, so the team sees it</source>
        <translation>Enviar esta comparación al servidor de trabajos para que el equipo la vea</translation>
    </message>
</context>
<context>
    <name>bt::ui::JobDialogs</name>
    <message>
        <source>OLD</source>
        <translation>ANTERIOR</translation>
    </message>
    <message>
        <source>NEW</source>
        <translation>NUEVA</translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation>Se requiere contraseña</translation>
    </message>
    <message>
        <source>Wrong password for %1. Try again:</source>
        <translation>Contraseña incorrecta para %1. Inténtelo de nuevo:</translation>
    </message>
    <message>
        <source>%1 (%2) is password protected. Password:</source>
        <translation>%1 (%2) está protegido con contraseña. Contraseña:</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>No se puede comparar</translation>
    </message>
    <message>
        <source>The %1 revision cannot be opened.</source>
        <translation>No se puede abrir la revisión %1.</translation>
    </message>
    <message>
        <source>History Damaged</source>
        <translation>Historial dañado</translation>
    </message>
    <message>
        <source>Nothing more is written to it. Start a fresh history? The damaged file is kept beside it as %1.damaged-DATE-TIME.</source>
        <translation>Ya no se escribe nada en él. ¿Empezar un historial nuevo? El archivo dañado se conserva al lado como %1.damaged-FECHA-HORA.</translation>
    </message>
    <message>
        <source>Start a Fresh History</source>
        <translation>Empezar un historial nuevo</translation>
    </message>
    <message>
        <source>History Unavailable</source>
        <translation>Historial no disponible</translation>
    </message>
    <message>
        <source>Delete Comparison</source>
        <translation>Eliminar comparación</translation>
    </message>
    <message>
        <source>Delete the comparison of %1 with %2 and its overlays from the history?</source>
        <translation>¿Eliminar del historial la comparación de %1 con %2 y sus superposiciones?</translation>
    </message>
    <message>
        <source>It is deleted on the job server too, for the whole team. The drawing files themselves are not touched.</source>
        <translation>También se elimina en el servidor de trabajos, para todo el equipo. Los archivos de planos no se modifican.</translation>
    </message>
    <message>
        <source>The copy on the job server stays for the team. The drawing files themselves are not touched.</source>
        <translation>La copia del servidor de trabajos se conserva para el equipo. Los archivos de planos no se modifican.</translation>
    </message>
    <message>
        <source>The drawing files themselves are not touched.</source>
        <translation>Los archivos de planos no se modifican.</translation>
    </message>
</context>
<context>
    <name>bt::ui::JobHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Planos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Old: %1
New: %2</source>
        <translation>Anterior: %1
Nueva: %2</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrumpida</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Completed with errors</source>
        <translation>Completada con errores</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Con error</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Esperando al servidor</translation>
    </message>
    <message>
        <source>Run on the job server</source>
        <translation>Ejecutada en el servidor de trabajos</translation>
    </message>
    <message>
        <source>A comparison of the team, from the job server</source>
        <translation>Una comparación del equipo, del servidor de trabajos</translation>
    </message>
    <message>
        <source>Compared here, and pushed to the job server</source>
        <translation>Comparado aquí y enviado al servidor de trabajos</translation>
    </message>
    <message>
        <source>%1 — no comparisons yet</source>
        <translation>%1 — aún no hay comparaciones</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n comparison(s))</source>
        <translation>
            <numerusform>%1 (%n comparación)</numerusform>
            <numerusform>%1 (%n comparaciones)</numerusform>
        </translation>
    </message>
    <message>
        <source>Number: %1</source>
        <translation>Número: %1</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Cliente: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) carried over from a comparison no longer in the history.</source>
        <translation>
            <numerusform>%n revisión trasladada de una comparación que ya no está en el historial.</numerusform>
            <numerusform>%n revisiones trasladadas de una comparación que ya no está en el historial.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) carried over from the comparison of %1 (%2 → %3, job %4).</source>
        <translation>
            <numerusform>%n revisión trasladada de la comparación del %1 (%2 → %3, trabajo %4).</numerusform>
            <numerusform>%n revisiones trasladadas de la comparación del %1 (%2 → %3, trabajo %4).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>NEW set %1</source>
        <translation>juego NUEVO %1</translation>
    </message>
    <message>
        <source>OLD set %1</source>
        <translation>juego ANTERIOR %1</translation>
    </message>
    <message>
        <source>Same settings.</source>
        <translation>Mismos ajustes.</translation>
    </message>
    <message>
        <source>Differs in: %1.</source>
        <translation>Diferencias: %1.</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>PPP</translation>
    </message>
    <message>
        <source>tolerance (pt)</source>
        <translation>tolerancia (pt)</translation>
    </message>
    <message>
        <source>pixel cap</source>
        <translation>límite de píxeles</translation>
    </message>
    <message>
        <source>grouping distance (pt)</source>
        <translation>distancia de agrupación (pt)</translation>
    </message>
    <message>
        <source>keep renders</source>
        <translation>conservar renderizados</translation>
    </message>
    <message>
        <source>scanned</source>
        <translation>escaneado</translation>
    </message>
    <message>
        <source>%1, reviews carried</source>
        <translation>%1, revisiones trasladadas</translation>
    </message>
</context>
<context>
    <name>bt::ui::MainWindow</name>
    <message>
        <source>BuildTrace</source>
        <translation>BuildTrace</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Choose &amp;Old Revision…</source>
        <translation>Elegir revisión &amp;anterior…</translation>
    </message>
    <message>
        <source>Choose &amp;New Revision…</source>
        <translation>Elegir revisión &amp;nueva…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Swap Old and New</source>
        <translation>&amp;Intercambiar anterior y nueva</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparar</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>C&amp;ancel Comparison</source>
        <translation>Cancelar la com&amp;paración</translation>
    </message>
    <message>
        <source>&amp;Back to Sheets</source>
        <translation>&amp;Volver a los planos</translation>
    </message>
    <message>
        <source>&amp;Previous Sheet</source>
        <translation>Plano an&amp;terior</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>&amp;Next Sheet</source>
        <translation>Plano si&amp;guiente</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Aj&amp;ustes…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Refresh History</source>
        <translation>&amp;Actualizar historial</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Show &amp;All Sheets</source>
        <translation>Mostrar t&amp;odos los planos</translation>
    </message>
    <message>
        <source>Show &amp;Changed Sheets</source>
        <translation>Mostrar planos con ca&amp;mbios</translation>
    </message>
    <message>
        <source>Show &amp;Unchanged Sheets</source>
        <translation>Mostrar planos sin cam&amp;bios</translation>
    </message>
    <message>
        <source>Show &amp;Failed Sheets</source>
        <translation>Mostrar planos &amp;fallidos</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Recent Comparisons</source>
        <translation>Comparaciones &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About BuildTrace</source>
        <translation>&amp;Acerca de BuildTrace</translation>
    </message>
    <message>
        <source>History Unavailable</source>
        <translation>Historial no disponible</translation>
    </message>
    <message>
        <source>Choose both revisions first: drop the files on OLD and NEW.</source>
        <translation>Elija primero ambas revisiones: suelte los archivos en ANTERIOR y NUEVA.</translation>
    </message>
    <message>
        <source>Only interrupted or cancelled comparisons can be resumed.</source>
        <translation>Solo se pueden reanudar comparaciones interrumpidas o canceladas.</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>No se puede comparar</translation>
    </message>
    <message>
        <source>Not compared: %1 needs its password.</source>
        <translation>No comparado: %1 necesita su contraseña.</translation>
    </message>
    <message>
        <source>Cannot Resume</source>
        <translation>No se puede reanudar</translation>
    </message>
    <message>
        <source>These files were compared before with the same settings: continuing that job.</source>
        <translation>Estos archivos ya se compararon con los mismos ajustes: se continúa esa comparación.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelada.</translation>
    </message>
    <message>
        <source>Cancelled. Resume it from the history to finish it.</source>
        <translation>Cancelada. Reanúdela desde el historial para terminarla.</translation>
    </message>
    <message>
        <source>%1 in %2 s.</source>
        <translation>%1 en %2 s.</translation>
    </message>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Esa comparación ya no está en el historial.</translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation>No se puede eliminar</translation>
    </message>
    <message>
        <source>Drop two revisions of a drawing set above and press Compare.</source>
        <translation>Suelte arriba dos revisiones de un juego de planos y pulse Comparar.</translation>
    </message>
    <message>
        <source>Comparison deleted.</source>
        <translation>Comparación eliminada.</translation>
    </message>
    <message>
        <source>Comparison Running</source>
        <translation>Comparación en curso</translation>
    </message>
    <message>
        <source>A comparison is running. Stop it and quit? It stays in the history and can be resumed.</source>
        <translation>Hay una comparación en curso. ¿Detenerla y salir? Queda en el historial y se puede reanudar.</translation>
    </message>
    <message>
        <source>The ignore areas apply the next time this sheet is compared.</source>
        <translation>Las áreas ignoradas se aplicarán la próxima vez que se compare este plano.</translation>
    </message>
    <message>
        <source>Wait for the running comparison to finish.</source>
        <translation>Espere a que termine la comparación en curso.</translation>
    </message>
    <message>
        <source>Run on &amp;Server</source>
        <translation>Ejecutar en el ser&amp;vidor</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Return</source>
        <translation>Ctrl+Shift+Return</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Enter</source>
        <translation>Ctrl+Shift+Enter</translation>
    </message>
    <message>
        <source>S&amp;ync with Server Now</source>
        <translation>S&amp;incronizar con el servidor ahora</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <source>No job server is set up: enter its address and your token in Settings.</source>
        <translation>No hay ningún servidor de trabajos configurado: introduzca su dirección y su token en Ajustes.</translation>
    </message>
    <message>
        <source>Cannot Run on Server</source>
        <translation>No se puede ejecutar en el servidor</translation>
    </message>
    <message>
        <source>The job server cannot be reached: the comparison waits and is sent when it can.</source>
        <translation>No se puede acceder al servidor de trabajos: la comparación espera y se enviará en cuanto sea posible.</translation>
    </message>
    <message>
        <source>Sending the comparison to the job server…</source>
        <translation>Enviando la comparación al servidor de trabajos…</translation>
    </message>
    <message>
        <source>Cannot Push</source>
        <translation>No se puede enviar</translation>
    </message>
    <message>
        <source>The job server cannot be reached: the comparison is sent when it can.</source>
        <translation>No se puede acceder al servidor de trabajos: la comparación se enviará en cuanto sea posible.</translation>
    </message>
    <message>
        <source>%1 on the job server.</source>
        <translation>%1 en el servidor de trabajos.</translation>
    </message>
    <message>
        <source>The history cannot be opened: %1</source>
        <translation>No se puede abrir el historial: %1</translation>
    </message>
    <message>
        <source>Started a fresh history; the damaged one is kept as %1</source>
        <translation>Historial nuevo iniciado; el dañado se conserva como %1</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Reading the revisions of %1 and %2 from their title blocks…</source>
        <translation>Leyendo las revisiones de %1 y %2 en sus cajetines…</translation>
    </message>
</context>
<context>
    <name>bt::ui::NewerSetDialog</name>
    <message>
        <source>Which is the newer set?</source>
        <translation>¿Qué juego es el más reciente?</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Which is the newer set?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The title blocks do not say which of these two sets is the later revision. Choose the set that becomes NEW; the other one becomes OLD.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;¿Qué juego es el más reciente?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Los cajetines no indican cuál de estos dos juegos es la revisión posterior. Elija el juego que pasa a ser NUEVA; el otro pasa a ser ANTERIOR.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;File date: %2&lt;br&gt;Title blocks: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Fecha del archivo: %2&lt;br&gt;Cajetines: %3</translation>
    </message>
    <message>
        <source>Suggested by the file dates: %1 is newer.</source>
        <translation>Según las fechas de los archivos: %1 es más reciente.</translation>
    </message>
    <message>
        <source>NEW is %1</source>
        <translation>NUEVA es %1</translation>
    </message>
</context>
<context>
    <name>bt::ui::OverlayViewer</name>
    <message>
        <source>Clarify</source>
        <translation>Aclarar</translation>
    </message>
    <message>
        <source>Alignment warning</source>
        <translation>Advertencia de alineación</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Selecting a change zooms onto it. N and P go to the next and previous change.</source>
        <translation>Al seleccionar un cambio, la vista se acerca a él. N y P van al cambio siguiente y al anterior.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Viewer tools</source>
        <translation>Herramientas del visor</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Superposición</translation>
    </message>
    <message>
        <source>Overlay: unchanged grey, removed and added in colour</source>
        <translation>Superposición: lo que no cambia en gris, lo eliminado y lo añadido en color</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>The old sheet, aligned onto the new one</source>
        <translation>El plano anterior, alineado sobre el nuevo</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>The new sheet</source>
        <translation>El plano nuevo</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Lado a lado</translation>
    </message>
    <message>
        <source>Old and new side by side, zoomed and panned together</source>
        <translation>Anterior y nuevo lado a lado, ampliados y desplazados a la vez</translation>
    </message>
    <message>
        <source>Swipe</source>
        <translation>Cortina</translation>
    </message>
    <message>
        <source>Old left of the swipe line, new right of it</source>
        <translation>Anterior a la izquierda de la línea, nuevo a la derecha</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <source>Fit the whole sheet</source>
        <translation>Ajustar el plano completo</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ancho</translation>
    </message>
    <message>
        <source>Fit the sheet&apos;s width</source>
        <translation>Ajustar al ancho del plano</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Actual pixels</source>
        <translation>Píxeles reales</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Show removed ink (overlay)</source>
        <translation>Mostrar el trazo eliminado (superposición)</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Show added ink (overlay)</source>
        <translation>Mostrar el trazo añadido (superposición)</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidad</translation>
    </message>
    <message>
        <source>Overlay opacity</source>
        <translation>Opacidad de la superposición</translation>
    </message>
    <message>
        <source>Overlay over the new sheet: fade it to see the new drawing through it</source>
        <translation>Superposición sobre el plano nuevo: atenúela para ver el dibujo nuevo a través de ella</translation>
    </message>
    <message>
        <source>Swipe position</source>
        <translation>Posición de la cortina</translation>
    </message>
    <message>
        <source>Where the old sheet ends and the new one begins (the line can be dragged too)</source>
        <translation>Donde termina el plano anterior y empieza el nuevo (la línea también se puede arrastrar)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>Cambio anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>Cambio siguiente</translation>
    </message>
    <message>
        <source>Ignore area</source>
        <translation>Ignorar área</translation>
    </message>
    <message>
        <source>Draw a rectangle on the sheet to leave that area (a revision block, a date stamp) out of every comparison of this drawing number; Shift+drag does the same</source>
        <translation>Dibuje un rectángulo en el plano para excluir esa área (un cuadro de revisiones, un sello de fecha) de todas las comparaciones de este número de plano; Mayús+arrastrar hace lo mismo</translation>
    </message>
    <message>
        <source>Sheet history</source>
        <translation>Historial del plano</translation>
    </message>
    <message>
        <source>Earlier comparisons of this sheet</source>
        <translation>Comparaciones anteriores de este plano</translation>
    </message>
    <message>
        <source>Earlier comparisons of this drawing number: open one</source>
        <translation>Comparaciones anteriores de este número de plano: abra una</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Mark the selected change open again</source>
        <translation>Marcar de nuevo como abierto el cambio seleccionado</translation>
    </message>
    <message>
        <source>Accept the selected change</source>
        <translation>Aceptar el cambio seleccionado</translation>
    </message>
    <message>
        <source>Reject the selected change</source>
        <translation>Rechazar el cambio seleccionado</translation>
    </message>
    <message>
        <source>The selected change needs clarification</source>
        <translation>El cambio seleccionado necesita aclaración</translation>
    </message>
    <message>
        <source>Comment on the selected change</source>
        <translation>Comentario sobre el cambio seleccionado</translation>
    </message>
    <message>
        <source>The comparison of this sheet failed (%1); the colours come from the renders alone.</source>
        <translation>La comparación de este plano falló (%1); los colores proceden solo de los renderizados.</translation>
    </message>
    <message>
        <source>This sheet is still being compared; the colours come from the renders alone.</source>
        <translation>Este plano aún se está comparando; los colores proceden solo de los renderizados.</translation>
    </message>
    <message>
        <source>This sheet has no overlay image; the colours come from the renders alone.</source>
        <translation>Este plano no tiene imagen de superposición; los colores proceden solo de los renderizados.</translation>
    </message>
    <message>
        <source>The overlay %1 is missing; the colours come from the renders alone.</source>
        <translation>Falta la superposición %1; los colores proceden solo de los renderizados.</translation>
    </message>
    <message>
        <source>No sheet selected.</source>
        <translation>Ningún plano seleccionado.</translation>
    </message>
    <message>
        <source>Loading the overlay…</source>
        <translation>Cargando la superposición…</translation>
    </message>
    <message>
        <source>This sheet is not in the old set.</source>
        <translation>Este plano no está en el juego anterior.</translation>
    </message>
    <message>
        <source>Rendering the old sheet…</source>
        <translation>Renderizando el plano anterior…</translation>
    </message>
    <message>
        <source>This sheet is not in the new set.</source>
        <translation>Este plano no está en el juego nuevo.</translation>
    </message>
    <message>
        <source>Rendering the new sheet…</source>
        <translation>Renderizando el plano nuevo…</translation>
    </message>
    <message>
        <source>Overlay of the old and new sheet</source>
        <translation>Superposición del plano anterior y el nuevo</translation>
    </message>
    <message>
        <source>Old sheet</source>
        <translation>Plano anterior</translation>
    </message>
    <message>
        <source>New sheet</source>
        <translation>Plano nuevo</translation>
    </message>
    <message>
        <source>Old and new sheet, swiped</source>
        <translation>Plano anterior y nuevo, con cortina</translation>
    </message>
    <message>
        <source>⚠ Alignment warning: %1. Colours and clouds may be misplaced; check the changes against the Old and New views.</source>
        <translation>⚠ Advertencia de alineación: %1. Los colores y las nubes pueden estar desplazados; compruebe los cambios en las vistas Anterior y Nuevo.</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorada</translation>
    </message>
    <message>
        <source>Stop Ignoring This Area</source>
        <translation>Dejar de ignorar esta área</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n cambio</numerusform>
            <numerusform>%n cambios</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 → %3 · %4</source>
        <translation>%1 · %2 → %3 · %4</translation>
    </message>
    <message>
        <source> (shown)</source>
        <translation> (mostrado)</translation>
    </message>
    <message>
        <source>Sheet history (%1)</source>
        <translation>Historial del plano (%1)</translation>
    </message>
    <message>
        <source>Tint</source>
        <translation>Tinte</translation>
    </message>
    <message>
        <source>Layer tint: the whole old sheet in the removed colour, the whole new sheet in the added colour, laid over each other (what both have is dark)</source>
        <translation>Capas teñidas: todo el plano antiguo en el color de lo eliminado, todo el nuevo en el de lo añadido, superpuestos (lo que ambos tienen es oscuro)</translation>
    </message>
    <message>
        <source>Old tinted as removed, new as added; dark where both agree</source>
        <translation>Antiguo teñido como eliminado, nuevo como añadido; oscuro donde ambos coinciden</translation>
    </message>
    <message>
        <source>Old and new sheet, each tinted</source>
        <translation>Plano antiguo y nuevo, cada uno teñido</translation>
    </message>
    <message>
        <source>Added in NEW: this sheet is not in the old set</source>
        <translation>Añadido en NUEVA: este plano no está en el juego anterior</translation>
    </message>
    <message>
        <source>Removed from OLD: this sheet is not in the new set</source>
        <translation>Eliminado de ANTERIOR: este plano no está en el juego nuevo</translation>
    </message>
</context>
<context>
    <name>bt::ui::PageCard</name>
    <message>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Comparación</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Sheet %1</source>
        <translation>Plano %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Added: only in NEW (page %1)</source>
        <translation>Añadido: solo en NUEVA (página %1)</translation>
    </message>
    <message>
        <source>Removed: only in OLD (page %1)</source>
        <translation>Eliminado: solo en ANTERIOR (página %1)</translation>
    </message>
    <message>
        <source>Matched · page moved from %1 to %2</source>
        <translation>Emparejado · página movida de %1 a %2</translation>
    </message>
    <message>
        <source>Matched · page %1</source>
        <translation>Emparejado · página %1</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>reintento %1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 falló: %2</translation>
    </message>
    <message>
        <source>%1 stage</source>
        <translation>Etapa %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sheet added</source>
        <translation>Plano añadido</translation>
    </message>
    <message>
        <source>Sheet removed</source>
        <translation>Plano eliminado</translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation>No comparado</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Sin cambios</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n cambio</numerusform>
            <numerusform>%n cambios</numerusform>
        </translation>
    </message>
    <message>
        <source>Added sheet</source>
        <translation>Plano añadido</translation>
    </message>
    <message>
        <source>Removed sheet</source>
        <translation>Plano eliminado</translation>
    </message>
    <message>
        <source>No overlay</source>
        <translation>Sin superposición</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Overlay after the diff</source>
        <translation>Superposición tras la comparación</translation>
    </message>
    <message>
        <source>Sheet %1: %2</source>
        <translation>Plano %1: %2</translation>
    </message>
    <message>
        <source>Overlay cannot be read</source>
        <translation>No se puede leer la superposición</translation>
    </message>
    <message>
        <source>Rewritten by the AI model %1 from the list of changes.</source>
        <translation>Reescrito por el modelo de IA %1 a partir de la lista de cambios.</translation>
    </message>
    <message>
        <source>The program&apos;s own summary: %1</source>
        <translation>El resumen del propio programa: %1</translation>
    </message>
</context>
<context>
    <name>bt::ui::PageCardList</name>
    <message>
        <source>Sheets</source>
        <translation>Planos</translation>
    </message>
    <message>
        <source>Drop two revisions of a drawing set above and press Compare.</source>
        <translation>Suelte arriba dos revisiones de un juego de planos y pulse Comparar.</translation>
    </message>
    <message>
        <source>No sheet matches this filter.</source>
        <translation>Ningún plano coincide con este filtro.</translation>
    </message>
</context>
<context>
    <name>bt::ui::Print</name>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Esa comparación ya no está en el historial.</translation>
    </message>
    <message>
        <source>Sheet %1</source>
        <translation>Plano %1</translation>
    </message>
    <message>
        <source>Drawing comparison report</source>
        <translation>Informe de comparación de planos</translation>
    </message>
    <message>
        <source>Print Sheet</source>
        <translation>Imprimir plano</translation>
    </message>
    <message>
        <source>Print Report</source>
        <translation>Imprimir informe</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Impresión cancelada.</translation>
    </message>
    <message>
        <source>Cannot print: %1</source>
        <translation>No se puede imprimir: %1</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>Enviado a %1.</translation>
    </message>
</context>
<context>
    <name>bt::ui::ProgressRow</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Comparison progress</source>
        <translation>Progreso de la comparación</translation>
    </message>
    <message>
        <source>OCR %1/%2 · Diff %1/%2 · Summary %1/%2</source>
        <translation>OCR %1/%2 · Comparación %1/%2 · Resumen %1/%2</translation>
    </message>
    <message>
        <source>Stop the comparison (Esc). It stays in the history and can be resumed.</source>
        <translation>Detener la comparación (Esc). Queda en el historial y se puede reanudar.</translation>
    </message>
    <message>
        <source>Opening OLD and NEW…</source>
        <translation>Abriendo ANTERIOR y NUEVA…</translation>
    </message>
    <message>
        <source>Matching sheets…</source>
        <translation>Emparejando planos…</translation>
    </message>
    <message>
        <source>OCR %1/%4 · Diff %2/%4 · Summary %3/%4</source>
        <translation>OCR %1/%4 · Comparación %2/%4 · Resumen %3/%4</translation>
    </message>
</context>
<context>
    <name>bt::ui::ProjectDialog</name>
    <message>
        <source>Optional: an image for the report cover</source>
        <translation>Opcional: una imagen para la portada del informe</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Project Logo</source>
        <translation>Logotipo del proyecto</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>N&amp;úmero:</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Cliente:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logotipo:</translation>
    </message>
</context>
<context>
    <name>bt::ui::ProjectSwitcher</name>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Proyecto</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Nuevo proyecto…</translation>
    </message>
    <message>
        <source>&amp;Edit Project…</source>
        <translation>&amp;Editar proyecto…</translation>
    </message>
    <message>
        <source>Current project</source>
        <translation>Proyecto actual</translation>
    </message>
    <message>
        <source>The project new comparisons go into; the history, sheet history and ignore areas are kept per project</source>
        <translation>El proyecto al que van las nuevas comparaciones; el historial, el historial de planos y las zonas ignoradas son de cada proyecto</translation>
    </message>
    <message>
        <source>Start a project: its comparisons, sheet history and ignore areas are its own</source>
        <translation>Crear un proyecto: sus comparaciones, su historial de planos y sus zonas ignoradas son solo suyos</translation>
    </message>
    <message>
        <source>Rename the current project or change its number, client and logo</source>
        <translation>Cambiar el nombre del proyecto actual o su número, cliente y logotipo</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;yecto:</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nuevo…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message numerus="yes">
        <source>%n comparison(s)</source>
        <translation>
            <numerusform>%n comparación</numerusform>
            <numerusform>%n comparaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>N.º %1</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Nuevo proyecto</translation>
    </message>
    <message>
        <source>The project cannot be added: %1</source>
        <translation>No se puede añadir el proyecto: %1</translation>
    </message>
    <message>
        <source>Edit Project</source>
        <translation>Editar proyecto</translation>
    </message>
    <message>
        <source>The project cannot be changed: %1</source>
        <translation>No se puede cambiar el proyecto: %1</translation>
    </message>
</context>
<context>
    <name>bt::ui::RecentMenu</name>
    <message>
        <source>&amp;%1  %2 ↔ %3</source>
        <translation>&amp;%1  %2 ↔ %3</translation>
    </message>
    <message>
        <source>Old: %1
New: %2</source>
        <translation>Anterior: %1
Nueva: %2</translation>
    </message>
    <message>
        <source>No recent comparisons</source>
        <translation>No hay comparaciones recientes</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Vaciar lista</translation>
    </message>
</context>
<context>
    <name>bt::ui::ReportExportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <source>Export change list</source>
        <translation>Exportar lista de cambios</translation>
    </message>
    <message>
        <source>Drawing comparison report</source>
        <translation>Informe de comparación de planos</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;All sheets (%1)</source>
        <translation>Todos &amp;los planos (%1)</translation>
    </message>
    <message>
        <source>&amp;Changed sheets only (%1)</source>
        <translation>Solo planos con &amp;cambios (%1)</translation>
    </message>
    <message>
        <source>&amp;Selected sheets (%1)</source>
        <translation>Planos &amp;seleccionados (%1)</translation>
    </message>
    <message>
        <source>Sheets:</source>
        <translation>Planos:</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>Resolution of the sheet images. 150 DPI keeps an ARCH D page under 1.5 MB.</source>
        <translation>Resolución de las imágenes de los planos. Con 150 DPI, una página ARCH D ocupa menos de 1,5 MB.</translation>
    </message>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (hojas de cálculo)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>&amp;Image resolution:</source>
        <translation>Resolución de &amp;imagen:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Arc&amp;hivo:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Escribiendo %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Writing the cover…</source>
        <translation>Escribiendo la portada…</translation>
    </message>
    <message>
        <source>Wrote %1 of %2 parts of %3</source>
        <translation>Escritas %1 de %2 partes de %3</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Escrito en %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelado: no se escribió nada.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Export markups</source>
        <translation>Exportar marcas</translation>
    </message>
    <message>
        <source>XLSX (Excel, LibreOffice Calc)</source>
        <translation>XLSX (Excel, LibreOffice Calc)</translation>
    </message>
    <message>
        <source>The NEW set with each change as a cloud markup (a PDF annotation that Bluebeam, Acrobat and Okular list); its pages stay as issued.</source>
        <translation>El juego NUEVO con cada cambio como marca de nube (una anotación PDF que Bluebeam, Acrobat y Okular listan); sus páginas quedan como se emitieron.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Proyecto:</translation>
    </message>
    <message>
        <source>Project &amp;number:</source>
        <translation>&amp;Número de proyecto:</translation>
    </message>
    <message>
        <source>C&amp;lient:</source>
        <translation>C&amp;liente:</translation>
    </message>
    <message>
        <source>L&amp;ogo:</source>
        <translation>Lo&amp;go:</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Portada</translation>
    </message>
    <message>
        <source>Each sheet at its own size</source>
        <translation>Cada plano a su tamaño</translation>
    </message>
    <message>
        <source>A3</source>
        <translation>A3</translation>
    </message>
    <message>
        <source>Tabloid (11 × 17 in)</source>
        <translation>Tabloide (11 × 17 pulg.)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Shown as dashed grey clouds, struck through</source>
        <translation>Como nubes grises discontinuas, tachados</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Omitidos</translation>
    </message>
    <message>
        <source>Only reviewed changes (accepted, rejected, needs clarification)</source>
        <translation>Solo cambios revisados (aceptados, rechazados, por aclarar)</translation>
    </message>
    <message>
        <source>&amp;Rejected changes:</source>
        <translation>Cambios &amp;rechazados:</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>PNG or JPEG file</source>
        <translation>Archivo PNG o JPEG</translation>
    </message>
    <message>
        <source>Issued &amp;by:</source>
        <translation>Emitido p&amp;or:</translation>
    </message>
    <message>
        <source>Pa&amp;ges:</source>
        <translation>Pá&amp;ginas:</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>bt::ui::ServerIndicator</name>
    <message>
        <source>Server: connecting…</source>
        <translation>Servidor: conectando…</translation>
    </message>
    <message>
        <source>Server: online</source>
        <translation>Servidor: en línea</translation>
    </message>
    <message>
        <source>Server: offline, retrying</source>
        <translation>Servidor: sin conexión, reintentando</translation>
    </message>
    <message>
        <source>Server: token refused</source>
        <translation>Servidor: token rechazado</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n pendiente de enviar</numerusform>
            <numerusform>%n pendientes de enviar</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the access token in Settings.</source>
        <translation>Compruebe el token de acceso en Ajustes.</translation>
    </message>
</context>
<context>
    <name>bt::ui::SetOrderResolver</name>
    <message>
        <source>revision %1</source>
        <translation>revisión %1</translation>
    </message>
    <message>
        <source>dated %1</source>
        <translation>del %1</translation>
    </message>
    <message>
        <source>no revision found</source>
        <translation>no se encontró revisión</translation>
    </message>
    <message>
        <source>NEW is %1 (title blocks); OLD %2</source>
        <translation>NUEVA es %1 (cajetines); ANTERIOR %2</translation>
    </message>
    <message>
        <source>NEW: %1, OLD: %2 (as chosen: the title blocks do not tell)</source>
        <translation>NUEVA: %1, ANTERIOR: %2 (según su elección: los cajetines no lo indican)</translation>
    </message>
</context>
<context>
    <name>bt::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Render resolution. Higher finds smaller changes but takes longer and needs more memory (220 dpi: about 0.5 GB per sheet being compared).</source>
        <translation>Resolución de renderizado. Una más alta encuentra cambios más pequeños, pero tarda más y necesita más memoria (220 dpi: unos 0,5 GB por plano en comparación).</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Ink that moved less than this distance is not a change.</source>
        <translation>El trazo que se ha movido menos que esta distancia no es un cambio.</translation>
    </message>
    <message>
        <source>Standard (red removed, green added)</source>
        <translation>Estándar (eliminado en rojo, añadido en verde)</translation>
    </message>
    <message>
        <source>Colour-blind safe (vermillion removed, blue added)</source>
        <translation>Apto para daltónicos (eliminado en bermellón, añadido en azul)</translation>
    </message>
    <message>
        <source>Streaming: each sheet&apos;s results as soon as they are ready</source>
        <translation>Continuo: los resultados de cada plano en cuanto están listos</translation>
    </message>
    <message>
        <source>Batch: every sheet finishes a stage before the next stage</source>
        <translation>Por lotes: todos los planos terminan una etapa antes de la siguiente</translation>
    </message>
    <message>
        <source>Sheets compared at once. Each needs about 0.5 GB at 220 dpi.</source>
        <translation>Planos comparados a la vez. Cada uno necesita unos 0,5 GB a 220 dpi.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose the history database</source>
        <translation>Elegir la base de datos del historial</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>A new language shows after BuildTrace is restarted.</source>
        <translation>El nuevo idioma se mostrará después de reiniciar BuildTrace.</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Resolución:</translation>
    </message>
    <message>
        <source>Change &amp;tolerance:</source>
        <translation>&amp;Tolerancia de cambio:</translation>
    </message>
    <message>
        <source>Overlay &amp;colours:</source>
        <translation>&amp;Colores de superposición:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modo:</translation>
    </message>
    <message>
        <source>Sheets compared at &amp;once:</source>
        <translation>Planos comparados a la &amp;vez:</translation>
    </message>
    <message>
        <source>&amp;History database:</source>
        <translation>Base de datos del &amp;historial:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>In use: %1 (set by $BUILDTRACE_DB).</source>
        <translation>En uso: %1 (definido por $BUILDTRACE_DB).</translation>
    </message>
    <message>
        <source>The history cannot move while a comparison is running.</source>
        <translation>El historial no se puede mover mientras se ejecuta una comparación.</translation>
    </message>
    <message>
        <source>Leave empty for the default location.</source>
        <translation>Dejar vacío para la ubicación predeterminada.</translation>
    </message>
    <message>
        <source>History database</source>
        <translation>Base de datos del historial</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de datos SQLite (*.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>e.g. http://buildtrace.office:8765</source>
        <translation>p. ej. http://buildtrace.oficina:8765</translation>
    </message>
    <message>
        <source>The team&apos;s BuildTrace job server. Leave empty to work on this computer only.</source>
        <translation>El servidor de trabajos BuildTrace del equipo. Déjelo vacío para trabajar solo en este ordenador.</translation>
    </message>
    <message>
        <source>The access token the server&apos;s administrator gave you.</source>
        <translation>El token de acceso que le dio el administrador del servidor.</translation>
    </message>
    <message>
        <source>Comparisons can run on the server and the team&apos;s comparisons appear in the history. Without a connection everything keeps working here and waits to be sent.</source>
        <translation>Las comparaciones pueden ejecutarse en el servidor y las del equipo aparecen en el historial. Sin conexión todo sigue funcionando aquí y espera a enviarse.</translation>
    </message>
    <message>
        <source>Job &amp;server:</source>
        <translation>&amp;Servidor de trabajos:</translation>
    </message>
    <message>
        <source>Access to&amp;ken:</source>
        <translation>To&amp;ken de acceso:</translation>
    </message>
    <message>
        <source>AI summary (optional)</source>
        <translation>Resumen con IA (opcional)</translation>
    </message>
    <message>
        <source>Re&amp;write sheet summaries with an AI model</source>
        <translation>Reescribir los resúmenes de los planos con un modelo de I&amp;A</translation>
    </message>
    <message>
        <source>Each changed sheet&apos;s summary is rewritten by the model from the list of changes. If it fails or takes too long, the usual summary is kept.</source>
        <translation>El modelo reescribe el resumen de cada plano modificado a partir de la lista de cambios. Si falla o tarda demasiado, se mantiene el resumen habitual.</translation>
    </message>
    <message>
        <source>Base URL of an OpenAI-compatible server (…/v1) or its full …/chat/completions URL.</source>
        <translation>URL base de un servidor compatible con OpenAI (…/v1) o su URL …/chat/completions completa.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long to wait for each sheet&apos;s rewrite.</source>
        <translation>Cuánto se espera la reescritura de cada plano.</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Punto de conexión:</translation>
    </message>
    <message>
        <source>Mo&amp;del:</source>
        <translation>Mo&amp;delo:</translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation>C&amp;lave de API:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>Tiempo de &amp;espera:</translation>
    </message>
    <message>
        <source>Enter the endpoint&apos;s http:// or https:// address, or turn the AI summary off.</source>
        <translation>Introduzca la dirección http:// o https:// del punto de conexión o desactive el resumen con IA.</translation>
    </message>
    <message>
        <source>No keyring on this computer (Secret Service, KWallet): the access token and the AI key are stored in the settings file, readable by your user account only.</source>
        <translation>No hay llavero en este equipo (Secret Service, KWallet): el token de acceso y la clave de IA se guardan en el archivo de configuración, legible solo por su cuenta de usuario.</translation>
    </message>
    <message>
        <source>Sent as a bearer token.</source>
        <translation>Se envía como token Bearer.</translation>
    </message>
    <message>
        <source>Only the list of changes and the summary text are sent, never the drawings.</source>
        <translation>Solo se envían la lista de cambios y el texto del resumen, nunca los planos.</translation>
    </message>
    <message>
        <source>Shown with your reviews and comments, also to the team on the job server.</source>
        <translation>Se muestra con sus revisiones y comentarios, también al equipo en el servidor de trabajos.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetLoader</name>
    <message>
        <source>The overlay %1 could not be read (%2).</source>
        <translation>No se pudo leer la superposición %1 (%2).</translation>
    </message>
    <message>
        <source>The overlay %1 is not a palette image written by BuildTrace.</source>
        <translation>La superposición %1 no es una imagen de paleta escrita por BuildTrace.</translation>
    </message>
    <message>
        <source>%1 has no page %2.</source>
        <translation>%1 no tiene página %2.</translation>
    </message>
    <message>
        <source>Page %1 of %2 could not be rendered (%3).</source>
        <translation>No se pudo representar la página %1 de %2 (%3).</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetModel</name>
    <message>
        <source>%1 of %2 reviewed</source>
        <translation>%1 de %2 revisados</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Architectural</source>
        <translation>Arquitectura</translation>
    </message>
    <message>
        <source>Structural</source>
        <translation>Estructura</translation>
    </message>
    <message>
        <source>Mechanical</source>
        <translation>Mecánica (HVAC)</translation>
    </message>
    <message>
        <source>Electrical</source>
        <translation>Electricidad</translation>
    </message>
    <message>
        <source>Plumbing</source>
        <translation>Fontanería</translation>
    </message>
    <message>
        <source>Civil</source>
        <translation>Obra civil</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Paisajismo</translation>
    </message>
    <message>
        <source>Fire protection</source>
        <translation>Protección contra incendios</translation>
    </message>
    <message>
        <source>Interiors</source>
        <translation>Interiores</translation>
    </message>
    <message>
        <source>Telecom</source>
        <translation>Telecomunicaciones</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Con cambios</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Comparando…</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>Disciplina</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revisado</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetPairing</name>
    <message>
        <source>Cannot Change the Sheets</source>
        <translation>No se pueden cambiar las hojas</translation>
    </message>
    <message>
        <source>Unnumbered sheet</source>
        <translation>Hoja sin número</translation>
    </message>
    <message>
        <source>(old page %1)</source>
        <translation>(página antigua %1)</translation>
    </message>
    <message>
        <source>(new page %1)</source>
        <translation>(página nueva %1)</translation>
    </message>
    <message>
        <source>&amp;Unpair Sheets</source>
        <translation>&amp;Desemparejar hojas</translation>
    </message>
    <message>
        <source>These are different drawings: show one as removed and one as added</source>
        <translation>Son planos distintos: mostrar uno como eliminado y otro como añadido</translation>
    </message>
    <message>
        <source>&amp;Pair With</source>
        <translation>&amp;Emparejar con</translation>
    </message>
    <message>
        <source>No sheet of the old set is unpaired</source>
        <translation>Ninguna hoja del juego antiguo está sin pareja</translation>
    </message>
    <message>
        <source>No sheet of the new set is unpaired</source>
        <translation>Ninguna hoja del juego nuevo está sin pareja</translation>
    </message>
    <message>
        <source>Pair Sheets</source>
        <translation>Emparejar hojas</translation>
    </message>
    <message>
        <source>Sheets can be paired once the running comparison has finished, and only in comparisons made on this computer.</source>
        <translation>Las hojas se pueden emparejar cuando termine la comparación en curso, y solo en comparaciones hechas en este equipo.</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetView</name>
    <message>
        <source>Sheet</source>
        <translation>Plano</translation>
    </message>
    <message>
        <source>Drag or use the arrow keys to pan; the mouse wheel zooms at the cursor.</source>
        <translation>Arrastre o use las teclas de flecha para desplazarse; la rueda del ratón acerca o aleja en la posición del cursor.</translation>
    </message>
</context>
<context>
    <name>bt::ui::ViewerPage</name>
    <message>
        <source>← Sheets</source>
        <translation>← Planos</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Anterior</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Siguiente ›</translation>
    </message>
    <message>
        <source>Back to the sheets (%1)</source>
        <translation>Volver a los planos (%1)</translation>
    </message>
    <message>
        <source>Previous sheet (%1)</source>
        <translation>Plano anterior (%1)</translation>
    </message>
    <message>
        <source>Next sheet (%1)</source>
        <translation>Plano siguiente (%1)</translation>
    </message>
    <message>
        <source>Sheet %1 of %2: %3</source>
        <translation>Plano %1 de %2: %3</translation>
    </message>
    <message>
        <source>Aligned by points</source>
        <translation>Alineado por puntos</translation>
    </message>
    <message>
        <source>Align by Points…</source>
        <translation>Alinear por puntos…</translation>
    </message>
    <message>
        <source>Pick two points on the old sheet and the same two on the new one; the sheet is aligned by them and compared again</source>
        <translation>Elija dos puntos en la hoja antigua y los mismos dos en la nueva; la hoja se alinea con ellos y se compara de nuevo</translation>
    </message>
    <message>
        <source>This sheet is aligned by points the user picked</source>
        <translation>Esta hoja está alineada por puntos elegidos por el usuario</translation>
    </message>
    <message>
        <source>Align by Points</source>
        <translation>Alinear por puntos</translation>
    </message>
    <message>
        <source>The sheet can be aligned once the running comparison has finished.</source>
        <translation>La hoja se podrá alinear cuando termine la comparación en curso.</translation>
    </message>
</context>
</TS>
