"""The help texts in Indonesian: what ``--help`` says with ``--lang id`` (the default
language). Keyed by each English paragraph of the code's help texts, whitespace
collapsed; a test fails when a help text has no translation here. Examples are not
translated (they are commands), nor are verbatim blocks (a paragraph marked ``\\b``: the
import's list of column names)."""

from __future__ import annotations

HELP_ID: dict[str, str] = {
    'Training and reintegration ledger of Lapas Kelas IIB Kuala Tungkal.':
        'Buku besar pelatihan dan reintegrasi Lapas Kelas IIB Kuala Tungkal.',
    'Every change is an event in a hash-chained ledger inside one SQLite file.':
        'Setiap perubahan adalah satu peristiwa dalam buku besar berantai-hash di dalam '
        'satu berkas SQLite.',
    "Database file (default: 'database:' in the config, else data/wbp.db).":
        "Berkas basis data (bawaan: 'database:' di konfigurasi, lalu data/wbp.db).",
    'Config file (default: ./config.yaml, the user config folder, then the packaged '
    'default).':
        'Berkas konfigurasi (bawaan: ./config.yaml, folder konfigurasi pengguna, lalu '
        'bawaan paket).',
    'Language of messages and tables: id or en (default: from the config).':
        'Bahasa pesan dan tabel: id atau en (bawaan: dari konfigurasi).',
    'Who is acting, recorded in every event (default: the OS user).':
        'Siapa yang bertindak, dicatat di setiap peristiwa (bawaan: pengguna sistem '
        'operasi).',
    'Print the version and exit.':
        'Tampilkan versi lalu keluar.',
    'Create or upgrade the database and sync the OPD/track catalogue from the config.':
        'Buat atau perbarui basis data dan sinkronkan katalog OPD/pelatihan dari '
        'konfigurasi.',
    'Safe to run again: a database already up to date is left untouched (no new event).':
        'Aman dijalankan lagi: basis data yang sudah mutakhir tidak disentuh (tanpa '
        'peristiwa baru).',
    'Also fill the (empty) database with fictional demo data.':
        'Isi juga basis data (yang masih kosong) dengan data demo fiktif.',
    'Assign WHO to TRACK; a full track puts them on its waitlist.':
        'Tempatkan WHO di TRACK; bila pelatihan penuh, masuk daftar tunggunya.',
    'Register number (B.I-123/2025, BI 123/2025, ...) or 16-digit NIK.':
        'Nomor register (B.I-123/2025, BI 123/2025, ...) atau NIK 16 digit.',
    "Track code (IKAN-AIRTAWAR, any case) or its name as 'wbpctl track list' shows it.":
        'Kode pelatihan (IKAN-AIRTAWAR, huruf besar/kecil sama) atau namanya seperti di '
        "'wbpctl track list'.",
    'Date (2025-10-08, 08/10/2025 or 8 Okt 2025); default today.':
        'Tanggal (2025-10-08, 08/10/2025 atau 8 Okt 2025); bawaan hari ini.',
    "Who funds this place (donor, 'adopt a WBP').":
        "Siapa yang mendanai tempat ini (donatur, 'adopsi WBP').",
    'Record that WHO completed TRACK (for a service track: that it was delivered).':
        'Catat bahwa WHO menyelesaikan TRACK (untuk layanan: bahwa layanan diberikan).',
    'Hours attended (12.5 or 12,5).':
        'Jam yang diikuti (12.5 atau 12,5).',
    'pass (lulus), or fail (tidak lulus, gagal: ends the enrolment without counting as '
    'completed).':
        'pass (lulus), atau fail (tidak lulus, gagal: mengakhiri penempatan tanpa '
        'dihitung selesai).',
    'Certificate number (unique within the track).':
        'Nomor sertifikat (unik di dalam pelatihan itu).',
    "End WHO's place (or waitlist place) in TRACK; the first in line moves up.":
        'Akhiri tempat (atau antrean) WHO di TRACK; orang pertama di daftar tunggu naik.',
    'released (bebas), transferred (pindah), withdrawn-own (mengundurkan diri), '
    'withdrawn-staff, health (sakit), security (keamanan), dismissed (dikeluarkan) or '
    'other (lain).':
        'released (bebas), transferred (pindah), withdrawn-own (mengundurkan diri), '
        'withdrawn-staff (ditarik petugas), health (sakit), security (keamanan), '
        'dismissed (dikeluarkan) atau other (lain).',
    "End WHO's stay; their open custody-phase tracks end with reason 'released'.":
        'Akhiri masa tahanan WHO; pelatihan di dalam yang masih berjalan berakhir dengan '
        "alasan 'released'.",
    'Each type is allowed from its date: ekspirasi from expiry (the sentence less the '
    'remissions recorded), remisi-bebas once remissions move expiry to the day, pb and cb'
    ' from 2/3, cmb from its leave date; not before admission; ekspirasi, remisi-bebas, '
    'pb, cb and cmb never for a pre-trial (A.*) stay or a life or death sentence.':
        'Setiap jenis boleh sejak tanggalnya: ekspirasi sejak tanggal ekspirasi (pidana '
        'dikurangi remisi yang tercatat), remisi-bebas setelah remisi memajukan ekspirasi'
        ' ke hari itu, pb dan cb sejak 2/3, cmb sejak tanggal cutinya; tidak sebelum '
        'tanggal masuk; ekspirasi, remisi-bebas, pb, cb dan cmb tidak pernah untuk masa '
        'tahanan (A.*) atau pidana seumur hidup atau mati.',
    'Date of release.':
        'Tanggal bebas.',
    'ekspirasi (bebas murni), pb (pembebasan bersyarat), cb (cuti bersyarat), cmb (cuti '
    'menjelang bebas), bebas-demi-hukum, remisi-bebas, pindah (transfer) or meninggal '
    '(death); any case.':
        'ekspirasi (bebas murni), pb (pembebasan bersyarat), cb (cuti bersyarat), cmb '
        '(cuti menjelang bebas), bebas-demi-hukum, remisi-bebas, pindah atau meninggal; '
        'huruf besar/kecil sama.',
    'Record a release before the date its type allows (expiry, 2/3, CMB), with this '
    'reason (grasi, a court order); the reason is kept in the ledger.':
        'Catat pembebasan sebelum tanggal yang dibolehkan jenisnya (ekspirasi, 2/3, CMB),'
        ' dengan alasan ini (grasi, putusan pengadilan); alasannya disimpan di buku '
        'besar.',
    'Where a transfer (pindah) goes: a Lapas code or name.':
        'Tujuan pemindahan (pindah): kode atau nama Lapas.',
    "Record that WHO's PB, CB or CMB was revoked (pencabutan): back to serve the rest of "
    'the same sentence. Recidivism counts it as a technical return, apart from a new '
    'offence.':
        'Catat bahwa PB, CB atau CMB milik WHO dicabut (pencabutan): kembali menjalani '
        'sisa pidana yang sama. Residivisme menghitungnya sebagai kembali teknis, '
        'terpisah dari perkara baru.',
    'Date of the revocation.':
        'Tanggal pencabutan.',
    'Why (the breach of conditions, the decree).':
        'Alasannya (pelanggaran syarat, surat keputusan).',
    'Cancel an assignment, completion, drop, release or remission as if it had never '
    "happened. The act and the void stay in the ledger ('wbpctl log'); reports and rates "
    'no longer count it; a place it freed goes to the first in line. Only the latest act '
    'of a place can be voided (the completion before the assignment), a release only '
    'while it is the latest, and a remission only while the stay is not released.':
        'Batalkan penempatan, penyelesaian, keluar, pembebasan atau remisi seolah tidak '
        "pernah terjadi. Tindakan dan pembatalannya tetap di buku besar ('wbpctl log'); "
        'laporan dan tingkat tidak lagi menghitungnya; tempat yang terbebas diberikan '
        'kepada orang pertama di daftar tunggu. Hanya tindakan terakhir suatu penempatan '
        'yang bisa dibatalkan (penyelesaian sebelum penempatannya), pembebasan hanya '
        'selama itu yang terakhir, dan remisi hanya selama masa tahanan belum berakhir.',
    "A track (code or name): its assignment, completion or drop on DATE; 'release'; or "
    "'remission'.":
        'Pelatihan (kode atau nama): penempatan, penyelesaian atau keluarnya pada DATE; '
        "'release'; atau 'remission'.",
    'The date of the act to cancel (the day it happened).':
        'Tanggal tindakan yang dibatalkan (hari terjadinya).',
    'Why it is void (kept in the ledger).':
        'Mengapa dibatalkan (disimpan di buku besar).',
    'Which remission, when several were granted that day.':
        'Remisi yang mana, bila pada hari itu diberikan lebih dari satu.',
    'Load a workbook or a CSV file whole or not at all; loading the same file again '
    'changes nothing.':
        'Muat buku kerja atau berkas CSV utuh atau tidak sama sekali; memuat berkas yang '
        'sama lagi tidak mengubah apa pun.',
    "Columns (headers match ignoring case and spaces; Indonesian headers such as 'No. "
    "Registrasi', 'Nama', 'Tanggal Penahanan' work too, see config.yaml):":
        'Kolom (judul kolom dicocokkan tanpa peduli huruf besar/kecil dan spasi; judul '
        "berbahasa Indonesia seperti 'No. Registrasi', 'Nama', 'Tanggal Penahanan' juga "
        'dikenali, lihat config.yaml):',
    'Every row is checked first; one bad row rejects the file (exit 1) and every bad row '
    'is listed with its line, column, value and rule.':
        'Setiap baris diperiksa dulu; satu baris salah menolak seluruh berkas (exit 1) '
        'dan setiap baris salah disebutkan dengan baris, kolom, nilai dan aturannya.',
    'What the file holds.':
        'Isi berkas.',
    'CSV file, a workbook (.xlsx, .ods, .xls), or - for standard input.':
        'Berkas CSV, buku kerja (.xlsx, .ods, .xls), atau - untuk masukan standar.',
    'Check everything and say what would happen; write nothing.':
        'Periksa semuanya dan katakan apa yang akan terjadi; tidak menulis apa pun.',
    'Field separator: one character, or tab, comma, semicolon, pipe (default: found from '
    'the header line).':
        'Pemisah kolom: satu karakter, atau tab, comma, semicolon, pipe (bawaan: dikenali'
        ' dari baris judul).',
    'Text encoding, e.g. cp1252 for older Excel (default: UTF-8, with or without BOM).':
        'Pengodean teks, misalnya cp1252 untuk Excel lama (bawaan: UTF-8, dengan atau '
        'tanpa BOM).',
    'The sheet of a workbook to read (default: the first).':
        'Lembar buku kerja yang dibaca (bawaan: yang pertama).',
    'How the file writes 02/10/2026 (default: date_input_order in the config, day-first).'
    ' A date that can only be month-first rejects the file.':
        'Cara berkas menulis 02/10/2026 (bawaan: date_input_order di konfigurasi, day-'
        'first). Tanggal yang hanya masuk akal bila bulan di depan menolak berkas.',
    "Write the rejected rows, with a rejection_reason column, to FILE, in the input's own"
    ' encoding and delimiter (a workbook for a workbook, or FILE.xlsx): fix them and load'
    ' that file again.':
        'Tulis baris yang ditolak, dengan kolom rejection_reason, ke FILE, dalam '
        'pengodean dan pemisah berkas masukan (buku kerja untuk buku kerja, atau '
        'FILE.xlsx): perbaiki lalu muat berkas itu lagi.',
    'Record a row that differs from what is recorded as a correction (a release '
    'excepted); without it such a row is an error. A change that looks like spreadsheet '
    "damage (a NIK's last digits turned to zeros, AndrÃ©s for Andrés) is refused even so.":
        'Catat baris yang berbeda dari catatan sebagai koreksi (kecuali pembebasan); '
        'tanpa opsi ini baris seperti itu ditolak. Perubahan yang tampak seperti '
        'kerusakan oleh spreadsheet (digit terakhir NIK menjadi nol, AndrÃ©s untuk '
        'Andrés) tetap ditolak.',
    'As --update, and also record a change that looks like spreadsheet damage (for the '
    'rare true case).':
        'Seperti --update, dan catat juga perubahan yang tampak seperti kerusakan oleh '
        'spreadsheet (untuk kasus langka yang memang benar).',
    'Ignore columns wbpctl does not know.':
        'Abaikan kolom yang tidak dikenal wbpctl.',
    'Reject rows that only draw a warning (kurungan over 1 year 4 months, a person under 18,'
    ' a late release) instead of loading them.':
        'Tolak baris yang hanya mendapat peringatan (kurungan lebih dari 1 tahun 4 bulan, orang'
        ' di bawah 18 tahun, pembebasan terlambat) alih-alih memuatnya.',
    'No summary line.':
        'Tanpa baris ringkasan.',
    "Write records with the columns 'wbpctl import' reads.":
        "Tulis catatan dengan kolom yang dibaca 'wbpctl import'.",
    "'export all' then 'import all' into an empty database gives the same tables; use "
    '--reveal for that (NIK is masked otherwise).':
        "'export all' lalu 'import all' ke basis data kosong menghasilkan tabel yang "
        'sama; pakai --reveal untuk itu (NIK disamarkan bila tidak).',
    "What to write; 'all' is the whole ledger in order.":
        "Apa yang ditulis; 'all' adalah seluruh buku besar secara berurutan.",
    'csv, json or xlsx (a workbook, with -o FILE.xlsx; import reads it back) (default: '
    "from --output's extension, else csv).":
        'csv, json atau xlsx (buku kerja, dengan -o FILE.xlsx; import membacanya kembali)'
        ' (bawaan: dari ekstensi --output, selain itu csv).',
    'Write to FILE (atomically, owner-only) instead of stdout; - is stdout; never the'
    ' database or one of its files.':
        'Tulis ke FILE (utuh atau tidak sama sekali, hanya pemilik) alih-alih ke layar; -'
        ' adalah layar; tidak pernah ke basis data atau salah satu berkasnya.',
    'CSV for a spreadsheet set to Indonesian: semicolons, CRLF, UTF-8 with BOM, NIKs '
    'grouped in fours (default: csv_dialect in the config).':
        'CSV untuk spreadsheet berbahasa Indonesia: titik koma, CRLF, UTF-8 dengan BOM, '
        'NIK dikelompokkan per empat (bawaan: csv_dialect di konfigurasi).',
    'Show NIK unmasked; each reveal is recorded in the ledger.':
        'Tampilkan NIK tanpa disamarkan; setiap pembukaan dicatat di buku besar.',
    'List ledger events, oldest first: when, who acted, what happened and to whom, in '
    'words; with WHO, everything recorded about that person. Streams: the first line '
    'comes at once however long the ledger. -f json (or --nl) keeps every field of every '
    'event.':
        'Daftar peristiwa buku besar, yang terlama dulu: kapan, siapa yang bertindak, apa'
        ' yang terjadi dan kepada siapa, dalam kata-kata; dengan WHO, semua yang tercatat'
        ' tentang orang itu. Mengalir: baris pertama langsung tampil sepanjang apa pun '
        'buku besarnya. -f json (atau --nl) menyimpan setiap kolom setiap peristiwa.',
    "Register number or NIK: that person's full processing history.":
        'Nomor register atau NIK: seluruh riwayat pemrosesan data orang itu.',
    'Only events recorded on or after DATE (UTC day).':
        'Hanya peristiwa yang dicatat pada atau setelah DATE (hari UTC).',
    'Only events recorded before DATE (UTC day).':
        'Hanya peristiwa yang dicatat sebelum DATE (hari UTC).',
    'Only what NAME recorded.':
        'Hanya yang dicatat oleh NAME.',
    'Only events of KIND, as the log words it (released, bebas) or as JSON names it '
    '(stay.released), or of a part (stay, enrolment, remission, person).':
        'Hanya peristiwa jenis KIND, seperti kata di log (bebas, released) atau nama di '
        'JSON (stay.released), atau satu bagiannya (stay, enrolment, remission, person).',
    'Only the last N events.':
        'Hanya N peristiwa terakhir.',
    'table, json, csv, markdown or xlsx (a workbook, with -o FILE) (default: from '
    "--output's extension, else table).":
        'table, json, csv, markdown atau xlsx (buku kerja, dengan -o FILE) (bawaan: dari '
        'ekstensi --output, selain itu table).',
    'Newline-delimited JSON: one object a line, no brackets (for jq, grep and scripts '
    'that read as they go).':
        'JSON per baris: satu objek satu baris, tanpa kurung siku (untuk jq, grep dan '
        'skrip yang membaca sambil jalan).',
    'Prove the ledger is sound: every hash, then a full replay against every table; then '
    'that it still holds every head kept in the checkpoint file (<db>.heads, when there '
    'is one, or --heads FILE) and the --head given. A ledger rewritten with recomputed '
    'hashes passes the first part; only heads kept outside it show the rewrite.':
        'Buktikan buku besar utuh: setiap hash, lalu pemutaran ulang penuh dibandingkan '
        'dengan setiap tabel; lalu bahwa buku besar masih memuat setiap kepala yang '
        'disimpan di berkas checkpoint (<db>.heads, bila ada, atau --heads FILE) dan '
        '--head yang diberikan. Buku besar yang ditulis ulang dengan hash dihitung ulang '
        'lolos bagian pertama; hanya kepala yang disimpan di luar yang memperlihatkan '
        'penulisan ulang itu.',
    'With a public key (--public-key, or signing_key in the config) every checkpoint line'
    ' must carry a good Ed25519 signature.':
        'Dengan kunci publik (--public-key, atau signing_key di konfigurasi) setiap baris'
        ' checkpoint harus membawa tanda tangan Ed25519 yang sah.',
    'Exits 0 when all holds; 1 naming the first bad event, table row, head or signature.':
        'Keluar dengan 0 bila semuanya benar; 1 dengan menyebut peristiwa, baris tabel, '
        'kepala atau tanda tangan pertama yang salah.',
    'Check the hash chain only, without replaying (large ledgers).':
        'Periksa rantai hash saja, tanpa pemutaran ulang (buku besar besar).',
    'Also prove this head is in the ledger: as printed on a report (KTL#5120:3f9a2c71), '
    'or a full hash.':
        'Buktikan juga bahwa kepala ini ada di buku besar: seperti tercetak di laporan '
        '(KTL#5120:3f9a2c71), atau hash lengkap.',
    'Check the heads in FILE (a copy of the checkpoint file kept elsewhere) instead of '
    '<db>.heads beside the database.':
        'Periksa kepala di FILE (salinan berkas checkpoint yang disimpan di tempat lain) '
        'alih-alih <db>.heads di samping basis data.',
    "Check the checkpoints' signatures with this Ed25519 public key (default: the .pub "
    'beside signing_key in the config; with neither, signatures are not checked).':
        'Periksa tanda tangan checkpoint dengan kunci publik Ed25519 ini (bawaan: .pub di'
        ' samping signing_key di konfigurasi; tanpa keduanya, tanda tangan tidak '
        'diperiksa).',
    'Print the ledger head: the Lapas, how many events (seq), the hash of the last one '
    '(which covers every event before it) and its time, and in a ledger that merged other '
    'Lapas the last event of each of their chains. Every report ends with it in short form '
    '(KTL#5120:3f9a2c71); -f json gives the full hash.':
        'Cetak kepala buku besar: Lapas, jumlah peristiwa (seq), hash peristiwa terakhir '
        '(yang mencakup semua peristiwa sebelumnya) dan waktunya, dan pada buku besar yang '
        'menggabungkan Lapas lain, peristiwa terakhir setiap rantai mereka. Setiap laporan '
        'diakhiri dengan kepala ini dalam bentuk pendek (KTL#5120:3f9a2c71); -f json memberi'
        ' hash lengkap.',
    'Keep the ledger head: append it, with the time and who kept it, to the checkpoint '
    'file beside the database (<db>.heads, one JSON line per head, owner-only), and print'
    " it. Nothing is written when the file already ends with this head. 'report monthly' "
    "keeps its head the same way. Copy the file (or its lines) somewhere the database's "
    "users cannot write: 'wbpctl verify --heads COPY' then shows any rewrite of the "
    'ledger.':
        'Simpan kepala buku besar: tambahkan, dengan waktu dan siapa yang menyimpannya, '
        'ke berkas checkpoint di samping basis data (<db>.heads, satu baris JSON per '
        'kepala, hanya pemilik), lalu cetak. Tidak ada yang ditulis bila berkas sudah '
        "diakhiri kepala ini. 'report monthly' menyimpan kepalanya dengan cara yang sama."
        ' Salin berkas itu (atau barisnya) ke tempat yang tidak bisa ditulis pengguna '
        "basis data: 'wbpctl verify --heads SALINAN' lalu memperlihatkan setiap penulisan"
        ' ulang buku besar.',
    'Write a consistent copy of the database while others keep working, and verify it.':
        'Tulis salinan basis data yang konsisten sementara orang lain tetap bekerja, lalu'
        ' verifikasi salinan itu.',
    "Uses SQLite's online backup API, never a file copy. The copy is owner-only.":
        'Memakai API backup daring SQLite, tidak pernah menyalin berkas. Salinannya hanya'
        ' bisa dibaca pemilik.',
    'File to write the copy to.':
        'Berkas tujuan salinan.',
    'Overwrite DEST if it exists.':
        'Timpa DEST bila sudah ada.',
    'Replace the database with a backup, only after the backup verifies.':
        'Ganti basis data dengan cadangan, hanya setelah cadangan itu lolos verifikasi.',
    'The replaced contents are kept beside the database as <db>.replaced-<time>.':
        'Isi yang diganti disimpan di samping basis data sebagai <db>.replaced-<waktu>.',
    "A backup made by 'wbpctl backup'.":
        "Cadangan yang dibuat 'wbpctl backup'.",
    'Register, list, show, correct and readmit participants (WBP).':
        'Daftarkan, tampilkan, koreksi dan masukkan kembali peserta (WBP).',
    'Register a person and their first stay.':
        'Daftarkan seseorang dan masa tahanan pertamanya.',
    'Full name.':
        'Nama lengkap.',
    'Register number, e.g. B.I-123/2025 (BI 123/2025 works too).':
        'Nomor register, misalnya B.I-123/2025 (BI 123/2025 juga bisa).',
    'Date of detention (tanggal penahanan): time counts from it.':
        'Tanggal penahanan: masa pidana dihitung sejak tanggal ini.',
    "Sentence: 2y6m, '2 tahun 6 bulan', '18 bulan', '45 hari', 'seumur hidup'. Required "
    'for B.* register numbers, absent for A.* (pre-trial).':
        "Lama pidana: 2y6m, '2 tahun 6 bulan', '18 bulan', '45 hari', 'seumur hidup'. "
        'Wajib untuk nomor register B.*, kosong untuk A.* (tahanan).',
    'Date of arrival at the Lapas (default: the detention date).':
        'Tanggal tiba di Lapas (bawaan: tanggal penahanan).',
    '16-digit NIK; gender and birth date are read from it when not given.':
        'NIK 16 digit; jenis kelamin dan tanggal lahir dibaca darinya bila tidak diisi.',
    'L (laki-laki) or P (perempuan).':
        'L (laki-laki) atau P (perempuan).',
    'Date of birth.':
        'Tanggal lahir.',
    'Offence (perkara).':
        'Perkara.',
    'Offence category for statistics (narkotika, pencurian, penipuan-penggelapan, ..., '
    'lainnya; see offence_categories in config.yaml); default: read from --crime by the '
    "config's keyword rules.":
        'Kategori perkara untuk statistik (narkotika, pencurian, penipuan-penggelapan, '
        '..., lainnya; lihat offence_categories di config.yaml); bawaan: dibaca dari '
        '--crime dengan aturan kata kunci di konfigurasi.',
    'B.III kurungan served in place of a fine (no remission).':
        'Kurungan B.III pengganti denda (tanpa remisi).',
    'List participants with their current stay.':
        'Daftar peserta dengan masa tahanan mereka sekarang.',
    'in-custody, released, transferred, deceased or all (ditahan, bebas, pindah, '
    'meninggal, semua).':
        'in-custody, released, transferred, deceased atau all (ditahan, bebas, pindah, '
        'meninggal, semua).',
    'Words of a name in any order, without accents (a letter off is found when nothing '
    'matches as written), a register number or a part of one, or a whole NIK.':
        'Kata-kata nama dalam urutan apa pun, tanpa aksen (salah satu huruf tetap ditemukan '
        'bila tidak ada yang cocok persis), nomor register atau sebagiannya, atau NIK utuh.',
    'Only people active or waiting in this track.':
        'Hanya orang yang aktif atau menunggu di pelatihan ini.',
    'Only people active or waiting in a track of this OPD.':
        'Hanya orang yang aktif atau menunggu di pelatihan OPD ini.',
    "Correct a person's record; the old values stay in the ledger.":
        'Koreksi data seseorang; nilai lama tetap di buku besar.',
    'L or P.':
        'L atau P.',
    'Open a new stay for someone released (a readmission, which recidivism counts).':
        'Buka masa tahanan baru untuk orang yang sudah bebas (masuk kembali, yang '
        'dihitung residivisme).',
    'Register number of an earlier stay, or NIK.':
        'Nomor register masa sebelumnya, atau NIK.',
    "Record a verdict: WHO's pre-trial (tahanan, A.*) stay becomes a sentenced one.":
        'Catat putusan: masa tahanan (A.*) milik WHO menjadi masa pidana.',
    'The same stay and detention date: not a release, not a readmission. The old class '
    'and number stay in the ledger.':
        'Masa yang sama dan tanggal penahanan yang sama: bukan pembebasan, bukan masuk '
        'kembali. Kelas dan nomor lama tetap di buku besar.',
    "The sentence given: 2y6m, '2 tahun 6 bulan'.":
        "Pidana yang dijatuhkan: 2y6m, '2 tahun 6 bulan'.",
    'Date of the verdict.':
        'Tanggal putusan.',
    'The sentenced class: B.I, B.IIa, B.IIb or B.III (read from --reg-no when that is '
    'given).':
        'Kelas narapidana: B.I, B.IIa, B.IIb atau B.III (dibaca dari --reg-no bila '
        'diberikan).',
    'The new register number, if the office gives one (default: the same sequence and '
    'year under the new class).':
        'Nomor register baru, bila kantor memberikannya (bawaan: urutan dan tahun yang '
        'sama dengan kelas baru).',
    'Record that WHO, transferred out (pindah), came back: the same stay goes on.':
        'Catat bahwa WHO, yang dipindahkan (pindah), kembali: masa tahanan yang sama '
        'berlanjut.',
    'Detention date, sentence, remissions and register number carry over; not a '
    'readmission.':
        'Tanggal penahanan, pidana, remisi dan nomor register terbawa; bukan masuk '
        'kembali.',
    'Date of arrival back.':
        'Tanggal tiba kembali.',
    'Where they come back from (default: where they were transferred to).':
        'Asal kedatangannya (bawaan: tempat ia dipindahkan).',
    'Correct what was recorded of a place in a training track.':
        'Koreksi yang tercatat tentang penempatan di pelatihan.',
    "Correct WHO's place in TRACK: its sponsor; the hours, result and certificate of a "
    'completion; the reason of a drop. The old values stay in the ledger.':
        'Koreksi penempatan WHO di TRACK: sponsornya; jam, hasil dan sertifikat '
        'penyelesaian; alasan keluar. Nilai lama tetap di buku besar.',
    'The day the place began or ended (default: the latest place in TRACK).':
        'Hari penempatan dimulai atau berakhir (bawaan: penempatan terakhir di TRACK).',
    'Why they left (a drop): released (bebas), transferred (pindah), withdrawn-own '
    '(mengundurkan diri), withdrawn-staff, health (sakit), security (keamanan), dismissed'
    ' (dikeluarkan) or other (lain).':
        'Alasan keluar: released (bebas), transferred (pindah), withdrawn-own '
        '(mengundurkan diri), withdrawn-staff (ditarik petugas), health (sakit), security'
        ' (keamanan), dismissed (dikeluarkan) atau other (lain).',
    'Record and correct remissions (remisi) granted.':
        'Catat dan koreksi remisi yang diberikan.',
    'Record a remission that was granted (wbpctl never invents one).':
        'Catat remisi yang diberikan (wbpctl tidak pernah mengarang remisi).',
    'A remission larger than what remains is recorded in full and frees the person on the'
    ' day it is granted (remisi langsung bebas); expiry never moves before that day. RU '
    'and RK come once a year each.':
        'Remisi yang lebih besar dari sisa pidana dicatat penuh dan membebaskan orangnya '
        'pada hari pemberian (remisi langsung bebas); ekspirasi tidak pernah mundur '
        'melewati hari itu. RU dan RK masing-masing sekali setahun.',
    'Date the remission was granted.':
        'Tanggal remisi diberikan.',
    'RU (remisi umum, 17 August), RK (remisi khusus, religious holiday) or other.':
        'RU (remisi umum, 17 Agustus), RK (remisi khusus, hari raya keagamaan) atau '
        'other.',
    "Days granted: 60, or as the decree says it, '2 bulan', '1 bulan 15 hari'.":
        "Hari yang diberikan: 60, atau seperti tertulis di SK, '2 bulan', '1 bulan 15 "
        "hari'.",
    'Only print what the remission table gives; record nothing.':
        'Hanya cetak jumlah menurut tabel remisi; tidak mencatat apa pun.',
    'Record a second RU or RK in one year (another holiday, a second decree), with this '
    'reason.':
        'Catat RU atau RK kedua dalam satu tahun (hari raya lain, SK kedua), dengan '
        'alasan ini.',
    'When the remission frees the person that day (remisi langsung bebas), record the '
    'release as remisi-bebas in the same step.':
        'Bila remisi membebaskan orangnya hari itu (remisi langsung bebas), catat '
        'pembebasannya sebagai remisi-bebas sekaligus.',
    'Correct the days of a remission already recorded; the old value stays in the ledger.':
        'Koreksi jumlah hari remisi yang sudah tercatat; nilai lama tetap di buku besar.',
    'The regency agencies (OPD) that deliver the tracks.':
        'Organisasi perangkat daerah (OPD) yang menyelenggarakan pelatihan.',
    'List the OPDs and how many tracks each runs.':
        'Daftar OPD dan jumlah pelatihan masing-masing.',
    'Training and service tracks, their places and waitlists.':
        'Pelatihan dan layanan, tempat dan daftar tunggunya.',
    'List tracks: capacity, active, waiting and completed to date.':
        'Daftar pelatihan: kapasitas, aktif, menunggu dan selesai sampai kini.',
    "Only this OPD's tracks.":
        'Hanya pelatihan OPD ini.',
    'custody, post-release or any.':
        'custody (di dalam), post-release (setelah bebas) atau any (semua).',
    "Show a track's roster: active places, the waitlist in order, recent completions.":
        'Tampilkan peserta pelatihan: tempat aktif, daftar tunggu berurutan, penyelesaian'
        ' terakhir.',
    'The monthly summary: admissions, places, completions, releases, by OPD and track, '
    'with a 12-month trend. Its ledger head is kept in the checkpoint file beside the '
    "database (see 'wbpctl checkpoint'); when that file cannot be written the report is "
    'still written, with one warning line. Silent on stderr when all went well (for '
    'cron).':
        'Ringkasan bulanan: masuk, penempatan, penyelesaian, pembebasan, per OPD dan '
        'pelatihan, dengan tren 12 bulan. Kepala buku besarnya disimpan di berkas '
        "checkpoint di samping basis data (lihat 'wbpctl checkpoint'); bila berkas itu "
        'tidak bisa ditulis, laporan tetap ditulis dengan satu baris peringatan. Diam di '
        'stderr bila semuanya lancar (untuk cron).',
    'YYYY-MM (or Oktober 2026), this or last. Default: last on the first three days of a '
    'month (so a cron job on the 1st reports the month just ended), else this.':
        'YYYY-MM (atau Oktober 2026), this atau last. Bawaan: last pada tiga hari pertama sebuah bulan (agar '
        'cron tanggal 1 melaporkan bulan yang baru berakhir), selain itu this.',
    'The business date the figures are counted up to (default today). Facts entered later'
    ' with earlier dates (a late remission, completion or admission) change a past --as-'
    'of report; to make a printed report again exactly, use --at.':
        'Tanggal bisnis yang menjadi batas hitungan angka (bawaan hari ini). Fakta yang '
        'dimasukkan belakangan dengan tanggal lebih awal (remisi, penyelesaian atau '
        'penerimaan yang terlambat) mengubah laporan --as-of yang lalu; untuk membuat '
        'lagi laporan yang sudah dicetak dengan persis, pakai --at.',
    'Make the report from the ledger as it stood at HEAD, as printed at the foot of a '
    'report (KTL#5120:3f9a2c71), or a seq (5120): the events up to that one are checked '
    'and replayed into a scratch copy, so the output is byte for byte the report printed '
    "then (give the same options). Takes about as long as 'wbpctl verify'.":
        'Buat laporan dari buku besar sebagaimana adanya pada HEAD, seperti tercetak di '
        'kaki laporan (KTL#5120:3f9a2c71), atau seq (5120): peristiwa sampai peristiwa '
        'itu diperiksa dan diputar ulang ke salinan sementara, sehingga hasilnya persis '
        'laporan yang dicetak waktu itu (beri opsi yang sama). Memakan waktu kira-kira '
        "selama 'wbpctl verify'.",
    'The generation time to print instead of now, such as the one on a report made again '
    'with --at (2026-11-01T06:00:02+00:00).':
        'Waktu pembuatan yang dicetak alih-alih sekarang, seperti yang tertera di laporan'
        ' yang dibuat lagi dengan --at (2026-11-01T06:00:02+00:00 atau 01-11-2026 13:00 '
        'WIB).',
    'table, json, csv, markdown, html or xlsx (a workbook, with -o FILE) (default: from '
    "--output's extension, else table).":
        'table, json, csv, markdown, html atau xlsx (buku kerja, dengan -o FILE) (bawaan:'
        ' dari ekstensi --output, selain itu table).',
    'Per OPD and per track over any period: from inclusive, to exclusive.':
        'Per OPD dan per pelatihan untuk periode apa pun: dari (termasuk), sampai (tidak '
        'termasuk).',
    'First day, inclusive (default: 1 January of this year).':
        'Hari pertama, termasuk (bawaan: 1 Januari tahun ini).',
    'Last day, exclusive (default: tomorrow, so today is included).':
        'Hari terakhir, tidak termasuk (bawaan: besok, jadi hari ini ikut dihitung).',
    'Can the data carry "recidivism down 20%"? Readmission within 1, 2, 3 years of '
    'release, by release year, for two groups, each rate with its 95% interval; the '
    'difference and the risk ratio with theirs; one verdict per window in words (lower, '
    'higher, cannot be concluded, too few releases) and how many releases a conclusive '
    'answer would take. A revoked PB/CB is a technical return, shown apart. A window '
    'counts only once it has fully elapsed; readmissions to other Lapas are not seen.':
        'Bisakah data membuktikan "residivisme turun 20%"? Masuk kembali dalam 1, 2, 3 '
        'tahun setelah bebas, per tahun bebas, untuk dua kelompok, setiap tingkat dengan '
        'interval 95%-nya; selisih dan rasio risiko dengan intervalnya; satu kesimpulan '
        'per jangka dalam kata-kata (lebih rendah, lebih tinggi, belum dapat disimpulkan,'
        ' pembebasan terlalu sedikit) dan berapa pembebasan yang dibutuhkan untuk jawaban'
        ' yang pasti. PB/CB yang dicabut adalah kembali teknis, ditampilkan terpisah. Jangka '
        'dihitung setelah lewat seluruhnya; masuk kembali ke Lapas lain tidak terlihat.',
    'Follow-up windows in years, comma-separated.':
        'Jangka pengamatan dalam tahun, dipisahkan koma.',
    'training: those who completed a training against those who did not; period: releases'
    ' after programme_start (config.yaml) against those before it.':
        'training: yang menyelesaikan pelatihan dibandingkan yang tidak; period: yang '
        'bebas setelah programme_start (config.yaml) dibandingkan yang sebelumnya.',
    'Compare like with like: stratify by sentence band, age band at release and offence '
    'category, and give the Mantel-Haenszel risk ratio next to the crude one.':
        'Bandingkan yang sebanding: kelompokkan menurut golongan lama pidana, golongan '
        'umur saat bebas dan kategori perkara, dan beri rasio risiko Mantel-Haenszel di '
        'samping yang kasar.',
    'Who is still in custody past expiry (days_left below zero), then who is due for '
    'release (expiry, or the PB, CB or CMB date of their route, within DAYS), and what '
    "they still lack: ADMINDUK (ID papers), KES-PREVENTIF (health check), 'training' (no "
    'completed training). Then who was released in the last DAYS without SALUR-KERJA (job'
    ' referral) or KONSELING-KELUARGA (family counselling).':
        'Siapa yang masih ditahan lewat ekspirasi (sisa hari di bawah nol), lalu siapa '
        'yang segera bebas (ekspirasi, atau tanggal PB, CB atau CMB jalurnya, dalam '
        'DAYS), dan apa yang masih kurang: ADMINDUK (dokumen kependudukan), KES-PREVENTIF'
        " (pemeriksaan kesehatan), 'training' (belum ada pelatihan selesai). Lalu siapa "
        'yang bebas dalam DAYS terakhir tanpa SALUR-KERJA (penyaluran kerja) atau '
        'KONSELING-KELUARGA (konseling keluarga).',
    'Days ahead (and back, for releases).':
        'Hari ke depan (dan ke belakang, untuk yang sudah bebas).',
    # offered by the command-line framework itself (--install-completion)
    'Install completion for the current shell.':
        'Pasang pelengkapan otomatis untuk shell ini.',
    'Show completion for the current shell, to copy it or customize the installation.':
        'Tampilkan pelengkapan otomatis untuk shell ini, untuk disalin atau disesuaikan.',
    "-o may name the month: -o 'laporan/bulanan-{month}.html' writes bulanan-2026-10.html"
    " for October 2026 (what a cron job on the 1st wants with --month last).":
        "-o boleh memuat bulannya: -o 'laporan/bulanan-{month}.html' menulis"
        " bulanan-2026-10.html untuk Oktober 2026 (yang dibutuhkan cron tanggal 1 dengan"
        " --month last).",
    # sponsors, donations, adoptions, spending
    'Record that SPONSOR adopts WHO ("adopsi WBP") for a period. Again with the same '
    '--from: a correction of --until or --consent.':
        'Catat bahwa DONATUR mengadopsi SIAPA ("adopsi WBP") untuk suatu masa. Diulang '
        'dengan --from yang sama: koreksi --until atau --consent.',
    "Sponsor code (YAYASAN-PEDULI, any case) or its name as 'wbpctl sponsor list' shows it.":
        "Kode donatur (YAYASAN-PEDULI, huruf besar/kecil bebas) atau namanya seperti yang "
        "ditampilkan 'wbpctl sponsor list'.",
    'First day of the adoption.':
        'Hari pertama adopsi.',
    'Last day (default: open).':
        'Hari terakhir (bawaan: terbuka).',
    'Whether WHO agreed to be named to the sponsor (default no: the sponsor sees initials '
    'and register class only).':
        'Apakah SIAPA setuju namanya diberitahukan kepada donatur (bawaan tidak: donatur '
        'hanya melihat inisial dan golongan registernya).',
    "Record a cost of a track: what was bought, and who paid. A sponsor's spending is "
    "refused beyond what it gave for that track (or person) and the programme, unless "
    "--override says why.":
        'Catat biaya suatu pelatihan: apa yang dibeli dan siapa yang membayar. Belanja dari '
        'dana donatur ditolak bila melebihi yang diberikannya untuk pelatihan (atau orang) '
        'itu dan untuk program, kecuali --override menyebutkan alasannya.',
    'The track the money went to.':
        'Pelatihan yang dibiayai.',
    "Whole rupiah: 2.500.000, 'Rp 2,5 juta'.":
        "Rupiah bulat: 2.500.000, 'Rp 2,5 juta'.",
    "What was bought or paid ('bibit, pakan').":
        "Apa yang dibeli atau dibayar ('bibit, pakan').",
    'Date spent (default today).':
        'Tanggal belanja (bawaan hari ini).',
    "Who pays: a sponsor (its money for that person or track first, then its general "
    "money), APBD (the regency's budget, the default) or DIPA (the state budget of the "
    "Lapas).":
        'Siapa yang membayar: donatur (dananya untuk orang atau pelatihan itu dulu, lalu '
        'dana umumnya), APBD (anggaran kabupaten, bawaan) atau DIPA (anggaran negara '
        'Lapas).',
    "A cost of one person's place.":
        'Biaya tempat satu orang.',
    "Record it even beyond the sponsor's balance, with this reason.":
        'Tetap catat walau melebihi saldo donatur, dengan alasan ini.',
    'Receipt or transfer number (unique).':
        'Nomor kuitansi atau transfer (unik).',
    'The sponsors (donatur): register, list, show and correct.':
        'Donatur: daftarkan, tampilkan daftar, tampilkan satu dan koreksi.',
    'Register a sponsor: a person, company, foundation or government office that donates '
    'or adopts a WBP.':
        'Daftarkan donatur: orang, perusahaan, yayasan atau instansi pemerintah yang '
        'memberi donasi atau mengadopsi WBP.',
    "The sponsor's name.":
        'Nama donatur.',
    'perorangan (individual), perusahaan (company), lembaga (foundation, institution) or '
    'pemerintah (government).':
        'perorangan, perusahaan, lembaga (yayasan, institusi) atau pemerintah.',
    'Phone or address (personal data: masked in listings, shown with --reveal, which is '
    'recorded).':
        'Telepon atau alamat (data pribadi: disamarkan dalam daftar, ditampilkan dengan '
        '--reveal, yang dicatat).',
    'The code to type (default: made from the name, YAYASAN-PEDULI-JAMBI).':
        'Kode yang diketik (bawaan: dibuat dari nama, YAYASAN-PEDULI-JAMBI).',
    'List the sponsors: what each gave (cash and goods), has left, the places it funds and '
    'the people it adopts.':
        'Daftar donatur: yang diberikan masing-masing (tunai dan barang), sisanya, tempat '
        'pelatihan yang dibiayainya dan orang yang diadopsinya.',
    'Show contacts unmasked; each reveal is recorded in the ledger.':
        'Tampilkan kontak tanpa disamarkan; setiap pembukaan dicatat di buku besar.',
    'Show one sponsor: its donations, the spending it funded, whom it adopts, and what it '
    'has left for each purpose.':
        'Tampilkan satu donatur: donasinya, belanja yang dibiayainya, siapa yang '
        'diadopsinya, dan sisa dananya untuk tiap tujuan.',
    'Show the contact unmasked; the reveal is recorded in the ledger.':
        'Tampilkan kontak tanpa disamarkan; pembukaan ini dicatat di buku besar.',
    "Correct a sponsor's name, kind or contact; the old values stay in the ledger and the "
    "code stays.":
        'Koreksi nama, jenis atau kontak donatur; nilai lama tetap di buku besar dan '
        'kodenya tetap.',
    'Donations: record, list, correct and void.':
        'Donasi: catat, tampilkan daftar, koreksi dan batalkan.',
    'Record a donation from SPONSOR: cash (--amount) or goods (--in-kind with --value), for '
    'a track, a person or the programme.':
        'Catat donasi dari DONATUR: tunai (--amount) atau barang (--in-kind dengan '
        '--value), untuk suatu pelatihan, satu orang atau program.',
    'Date received (default today).':
        'Tanggal diterima (bawaan hari ini).',
    "Cash in whole rupiah: 5.000.000, 5000000, 'Rp 5 juta', '1,2 juta', '750 ribu'.":
        "Tunai dalam rupiah bulat: 5.000.000, 5000000, 'Rp 5 juta', '1,2 juta', "
        "'750 ribu'.",
    'For one track (its seats, materials).':
        'Untuk satu pelatihan (tempat, bahannya).',
    'For one person (register number or NIK).':
        'Untuk satu orang (nomor registrasi atau NIK).',
    'For the programme as a whole (the default when no purpose is given).':
        'Untuk program secara keseluruhan (bawaan bila tujuan tidak disebutkan).',
    "Goods given instead of cash ('50 bibit lele'), with --value.":
        "Barang sebagai ganti uang ('50 bibit lele'), dengan --value.",
    'What the goods are worth, in rupiah.':
        'Nilai barang itu, dalam rupiah.',
    'List donations by date received, voided ones marked.':
        'Daftar donasi menurut tanggal diterima, yang dibatalkan diberi tanda.',
    "Only this sponsor's.":
        'Hanya milik donatur ini.',
    'Received on or after DATE.':
        'Diterima pada atau setelah TANGGAL.',
    'Received before DATE.':
        'Diterima sebelum TANGGAL.',
    'Correct a donation as recorded: its date, amount, goods and value, purpose or receipt '
    'number. The old values stay in the ledger.':
        'Koreksi donasi yang tercatat: tanggal, jumlah, barang dan nilainya, tujuan atau '
        'nomor kuitansinya. Nilai lama tetap di buku besar.',
    "The receipt number (--ref), or the number 'wbpctl donation list' shows.":
        "Nomor kuitansi (--ref), atau nomor yang ditampilkan 'wbpctl donation list'.",
    'Void a donation entered in error or never received: it stays in the ledger and in the '
    'lists, marked void, and no longer counts.':
        'Batalkan donasi yang salah dicatat atau tidak pernah diterima: tetap ada di buku '
        'besar dan di daftar, bertanda batal, dan tidak dihitung lagi.',
    'Date of the void (default today).':
        'Tanggal pembatalan (bawaan hari ini).',
    # products, production, sales, premi
    'Record a batch of PRODUCT made by its makers: the stock goes up.':
        'Catat satu angkatan PRODUK yang dibuat para pembuatnya: stok bertambah.',
    "Product code (MADU-250, any case) or its name as 'wbpctl product list' shows it.":
        "Kode produk (MADU-250, huruf besar/kecil bebas) atau namanya seperti yang "
        "ditampilkan 'wbpctl product list'.",
    'How many units.':
        'Berapa satuan.',
    "Who made it: register numbers or NIKs, comma-separated. Each must be in custody that "
    "day and active in (or have completed) the product's track.":
        'Siapa pembuatnya: nomor registrasi atau NIK, dipisah koma. Masing-masing harus '
        'berada di dalam Lapas hari itu dan aktif di (atau telah menyelesaikan) pelatihan '
        'produk itu.',
    'Date (default today).':
        'Tanggal (bawaan hari ini).',
    'Batch number (default: the date, 20261015).':
        'Nomor angkatan (bawaan: tanggalnya, 20261015).',
    "Each maker's part of the credit, in their order (60,40); equal by default.":
        'Bagian tiap pembuat, sesuai urutannya (60,40); bawaannya sama rata.',
    "Record a sale of PRODUCT from stock (oldest batch first); refused when the stock made "
    "by that day is short. The revenue is split as config.yaml 'sales' says (premi, "
    "cooperative, PNBP) and the premi credited to the makers of the units sold.":
        'Catat penjualan PRODUK dari stok (angkatan tertua dulu); ditolak bila stok yang '
        "dibuat sampai hari itu kurang. Pendapatan dibagi menurut 'sales' di config.yaml "
        '(premi, koperasi, PNBP) dan premi dikreditkan kepada pembuat satuan yang terjual.',
    'koperasi (the cooperative), pameran (exhibition), daring (online) or lainnya (other).':
        'koperasi, pameran, daring atau lainnya.',
    'Unit price in whole rupiah (default: the list price).':
        'Harga satuan dalam rupiah bulat (bawaan: harga daftar).',
    'Who bought.':
        'Siapa pembelinya.',
    'Receipt number (unique).':
        'Nomor kuitansi (unik).',
    "The product catalogue (config.yaml 'products'), its stock and sales.":
        "Katalog produk ('products' di config.yaml), stok dan penjualannya.",
    'List the products: unit, the track that makes them, list price, made, sold, stock.':
        'Daftar produk: satuan, pelatihan yang membuatnya, harga daftar, dibuat, terjual, '
        'stok.',
    'Show a product: its batches (made, sold, left, by whom) and its latest sales.':
        'Tampilkan satu produk: angkatannya (dibuat, terjual, sisa, oleh siapa) dan '
        'penjualan terakhirnya.',
    "The makers' premi (their share of sales): pay it out.":
        'Premi para pembuat (bagian mereka dari penjualan): bayarkan.',
    "Record premi paid out to WHO; never more than their balance (see 'wbpctl participant "
    "show').":
        "Catat premi yang dibayarkan kepada SIAPA; tidak pernah lebih dari saldonya (lihat "
        "'wbpctl participant show').",
    "Whole rupiah: 150.000, '150 ribu'.":
        "Rupiah bulat: 150.000, '150 ribu'.",
    'Show one person: identity, stays with their dates, tracks and remissions, and the premi '
    'earned from products sold (per product, paid out, the balance).':
        'Tampilkan satu orang: identitas, masa tahanan dengan tanggal-tanggalnya, '
        'pelatihan dan remisi, serta premi dari produk yang terjual (per produk, yang '
        'sudah dibayar, saldonya).',
    # the reports of sponsors and sales
    'Reports: monthly summary, per OPD, recidivism, readiness for release, sponsors, sales.':
        'Laporan: ringkasan bulanan, per OPD, residivisme, kesiapan bebas, donatur, '
        'penjualan.',
    'Per sponsor: what came in (cash, in kind), what was spent from it, the balance left, '
    'the places it funds, and what they came to: people started, completed, released, and '
    'of those released, who came back (readmitted for a new sentence).':
        'Per donatur: yang masuk (tunai, barang), yang dibelanjakan darinya, sisa saldo, '
        'tempat pelatihan yang dibiayainya, dan hasilnya: orang yang mulai, selesai, '
        'bebas, dan dari yang bebas, siapa yang kembali (masuk lagi dengan putusan baru).',
    'First day, inclusive (default: since the beginning).':
        'Hari pertama, termasuk (bawaan: sejak awal).',
    'Last day, exclusive (default: tomorrow, so today is included); balances are what is '
    'left at this day.':
        'Hari terakhir, tidak termasuk (bawaan: besok, jadi hari ini ikut); saldo adalah '
        'sisa pada hari itu.',
    'The statement a sponsor can be handed (-f html prints well): thanks, what came in, '
    'what it paid for, the places and what they came to, the people it adopts (by name '
    'only with their consent, otherwise initials and register class), and what is left.':
        'Laporan yang dapat diserahkan kepada donatur (-f html bagus dicetak): ucapan '
        'terima kasih, yang masuk, yang dibiayainya, tempat pelatihan dan hasilnya, orang '
        'yang diadopsinya (dengan nama hanya bila mereka setuju, selain itu inisial dan '
        'golongan register), dan sisanya.',
    'Sponsor code or name.':
        'Kode atau nama donatur.',
    "Products made and sold, the stock at the end, the revenue, and how it was shared: the "
    "makers' premi, the cooperative's share and PNBP, with the split used and the "
    "regulation config.yaml names.":
        'Produk yang dibuat dan terjual, stok di akhir, pendapatan, dan pembagiannya: '
        'premi pembuat, bagian koperasi dan PNBP, dengan pembagian yang dipakai dan '
        'peraturan yang disebut config.yaml.',
    'How to group: per month, product, sales channel or track.':
        'Cara mengelompokkan: per bulan, produk, saluran penjualan atau pelatihan.',
    # security and privacy (issue 20)
    "CSV and workbook cells exactly as recorded, for programs that read them: a text "
    "beginning with = + - @ is not made safe for a spreadsheet with a leading ' (never open "
    "such a file in one).":
        "Sel CSV dan workbook persis seperti tercatat, untuk program yang membacanya: teks "
        "yang diawali = + - @ tidak diamankan untuk spreadsheet dengan ' di depannya (jangan "
        "pernah membuka berkas seperti itu di spreadsheet).",
    'For sharing outside the Lapas: no names, NIK, offence texts, certificates, sponsors or '
    'reasons; register numbers and ids as keyed pseudonyms; dates as their month, age as a '
    'five-year band, the offence as its category, the sentence as its band. Prints k, the '
    'smallest group of rows alike, and refuses an export under --min-k.':
        'Untuk dibagikan ke luar Lapas: tanpa nama, NIK, teks tindak pidana, sertifikat, '
        'donatur atau alasan; nomor register dan id sebagai pseudonim berkunci; tanggal '
        'sebagai bulannya, umur sebagai kelompok lima tahunan, tindak pidana sebagai '
        'kategorinya, pidana sebagai rentangnya. Mencetak k, kelompok baris serupa yang '
        'terkecil, dan menolak ekspor di bawah --min-k.',
    'With --anonymize: the smallest group of alike rows allowed; lower it only knowing that '
    'rows in smaller groups may be re-identified.':
        'Dengan --anonymize: kelompok baris serupa terkecil yang diizinkan; turunkan hanya '
        'bila paham bahwa baris dalam kelompok lebih kecil dapat dikenali kembali.',
    "With --anonymize: the same pseudonyms in every linkable export (keyed by privacy_key in "
    "the config; see 'wbpctl keygen --privacy'), so two exports can be joined; without it "
    "each export has pseudonyms of its own.":
        "Dengan --anonymize: pseudonim yang sama di setiap ekspor yang dapat ditautkan "
        "(dikunci oleh privacy_key di konfigurasi; lihat 'wbpctl keygen --privacy'), "
        "sehingga dua ekspor dapat digabungkan; tanpanya setiap ekspor punya pseudonimnya "
        "sendiri.",
    'Make a key, owner-only, never overwriting one.':
        'Buat kunci, hanya untuk pemilik, tanpa pernah menimpa kunci yang ada.',
    "Without --privacy: an Ed25519 key pair for signing checkpoints, PATH (private) and "
    "PATH.pub (public, to give to whoever checks the checkpoints). Then set 'signing_key: "
    "PATH' in config.yaml: every checkpoint is signed, and 'wbpctl verify --public-key "
    "PATH.pub' checks every line. Needs pip install 'wbpctl[signing]'.":
        "Tanpa --privacy: sepasang kunci Ed25519 untuk menandatangani checkpoint, PATH "
        "(rahasia) dan PATH.pub (publik, untuk diberikan kepada yang memeriksa checkpoint). "
        "Lalu tulis 'signing_key: PATH' di config.yaml: setiap checkpoint ditandatangani, "
        "dan 'wbpctl verify --public-key PATH.pub' memeriksa setiap baris. Perlu pip install "
        "'wbpctl[signing]'.",
    "With --privacy: the secret that keys the pseudonyms of linkable anonymised exports (the "
    "same pseudonyms in each, so they can be joined). Then set 'privacy_key: PATH' in "
    "config.yaml; keep it outside the database and away from whoever receives the exports.":
        "Dengan --privacy: rahasia yang mengunci pseudonim ekspor anonim yang dapat "
        "ditautkan (pseudonim yang sama di setiap ekspor, sehingga dapat digabungkan). Lalu "
        "tulis 'privacy_key: PATH' di config.yaml; simpan di luar basis data dan jauh dari "
        "penerima ekspor.",
    "The key file to write (default: signing_key, or with --privacy privacy_key, in the "
    "config); a signing key's public half goes to PATH.pub.":
        "Berkas kunci yang ditulis (bawaan: signing_key, atau dengan --privacy privacy_key, "
        "di konfigurasi); separuh publik kunci tanda tangan ditulis ke PATH.pub.",
    "Make the privacy key instead: 32 random bytes that key the pseudonyms of 'export "
    "--anonymize --linkable'.":
        "Buat kunci privasi saja: 32 bita acak yang mengunci pseudonim 'export --anonymize "
        "--linkable'.",
    "The database's privacy policy: whether NIKs are masked.":
        "Kebijakan privasi basis data: apakah NIK disamarkan.",
    'Show the policy as the ledger records it: each setting, and who set it, when and why '
    '(mask-nik is on until someone records otherwise).':
        'Tampilkan kebijakan seperti tercatat di buku besar: setiap pengaturan, dan siapa '
        'yang mengaturnya, kapan dan mengapa (mask-nik menyala sampai ada yang mencatat '
        'sebaliknya).',
    "Record the database's privacy policy as an event of the ledger. With mask-nik off, a "
    "config saying 'privacy: mask_nik: false' shows NIKs unmasked (each showing recorded as "
    "an access); with mask-nik on (the default), such a config is refused. A config can "
    "always mask more than the database asks, never less.":
        "Catat kebijakan privasi basis data sebagai peristiwa di buku besar. Dengan mask-nik "
        "off, konfigurasi 'privacy: mask_nik: false' menampilkan NIK tanpa samaran (setiap "
        "penampilan dicatat sebagai akses); dengan mask-nik on (bawaan), konfigurasi seperti "
        "itu ditolak. Konfigurasi selalu boleh menyamarkan lebih dari yang diminta basis "
        "data, tidak pernah kurang.",
    'mask-nik':
        'mask-nik',
    'on: NIKs masked (1506********0003) unless --reveal; off: the database allows unmasked '
    'NIKs.':
        'on: NIK disamarkan (1506********0003) kecuali dengan --reveal; off: basis data '
        'mengizinkan NIK tanpa samaran.',
    'Why (recorded in the ledger with who set it).':
        'Alasannya (dicatat di buku besar bersama siapa yang mengaturnya).',
    # -- federation: bundles, merges, people across Lapas --------------------------------
    "Write this Lapas's events (after --since HEAD, else all) as one compressed, "
    "self-checking file for an office without a network: it names the head it continues "
    "and the head it ends at, and 'wbpctl merge' recomputes every hash between them.":
        "Tulis peristiwa Lapas ini (setelah --since HEAD, atau semuanya) sebagai satu berkas "
        "terkompresi yang memeriksa dirinya sendiri, untuk kantor tanpa jaringan: berkas itu "
        "menyebut kepala yang dilanjutkannya dan kepala akhirnya, dan 'wbpctl merge' "
        "menghitung ulang setiap hash di antaranya.",
    'The bundle to write (ktl-2026-11.wbpb): made beside it, owner-only, renamed into place '
    'when whole; never the database.':
        'Bundel yang ditulis (ktl-2026-11.wbpb): dibuat di sebelahnya, hanya untuk pemilik, '
        'diganti namanya setelah utuh; tidak pernah basis data.',
    'Only the events after this head (as a report or the last bundle printed it: '
    'KTL#5120:3f9a2c71); default: all.':
        'Hanya peristiwa setelah kepala ini (seperti tercetak di laporan atau bundel '
        'terakhir: KTL#5120:3f9a2c71); bawaan: semua.',
    "Take in other Lapas's events from bundles or ledger files, all or nothing.":
        "Gabungkan peristiwa Lapas lain dari bundel atau berkas buku besar, semua atau "
        "tidak sama sekali.",
    "Each Lapas keeps its own chain here, every link checked; this Lapas's chain gains one "
    "event per merge (and one per NIK found in two Lapas: the same person). Bundles may "
    "come in any order as long as each continues what is merged already; a second merge "
    "of the same bundle writes nothing. A bundle that was altered, a gap, or a Lapas whose "
    "ledger was rewritten after what is merged (a fork) is refused, nothing written.":
        "Setiap Lapas menyimpan rantainya sendiri di sini, setiap mata rantai diperiksa; "
        "rantai Lapas ini bertambah satu peristiwa per penggabungan (dan satu per NIK yang "
        "ada di dua Lapas: orang yang sama). Bundel boleh datang dalam urutan apa pun asal "
        "masing-masing melanjutkan yang sudah digabung; penggabungan kedua atas bundel yang "
        "sama tidak menulis apa pun. Bundel yang diubah, celah, atau Lapas yang buku "
        "besarnya ditulis ulang setelah yang digabung (percabangan) ditolak, tanpa ada yang "
        "ditulis.",
    'Bundles (.wbpb) or ledger files of other Lapas.':
        'Bundel (.wbpb) atau berkas buku besar Lapas lain.',
    'The records of one person across merged Lapas.':
        'Catatan satu orang di beberapa Lapas yang digabung.',
    "Records that are likely one person but are not linked: the same name (accents, case "
    "and word order aside) and birth date, one of them without a NIK, each named by its "
    "Lapas and register number (and uid). Link them with 'wbpctl person link A B --reason "
    "R' once someone has checked.":
        "Catatan yang kemungkinan satu orang tetapi belum ditautkan: nama sama (tanpa "
        "memandang aksen, huruf besar dan urutan kata) dan tanggal lahir sama, salah satunya "
        "tanpa NIK, masing-masing disebut dengan Lapas dan nomor registernya (serta uid). "
        "Tautkan dengan 'wbpctl person link A B --reason R' setelah diperiksa petugas.",
    "Record that two records are one person (an event of this ledger; neither record "
    "changes): recidivism then counts a readmission in either Lapas, and 'log' of either "
    "shows both.":
        "Catat bahwa dua catatan adalah satu orang (peristiwa di buku besar ini; kedua "
        "catatan tidak berubah): residivisme lalu menghitung masuk kembali di Lapas mana "
        "pun, dan 'log' salah satunya menampilkan keduanya.",
    "One record: a uid (as 'person matches' shows it), a NIK, or a register number "
    "(JMB:B.I-5/2025 for another Lapas's).":
        "Satu catatan: uid (seperti ditampilkan 'person matches'), NIK, atau nomor register "
        "(JMB:B.I-5/2025 untuk Lapas lain).",
    'The other record, the same way.':
        'Catatan yang lain, dengan cara yang sama.',
    'Why they are one person (who checked, on what).':
        'Mengapa keduanya orang yang sama (siapa yang memeriksa, berdasarkan apa).',

    # -- reports across Lapas (--lapas, issue 19): one block, kept together at the end ------
    'Count only the stays of these Lapas, by code (KTL, or KTL,JMB; any case), and the '
    'people, places and releases of those stays. Default: every Lapas whose stays the '
    'ledger holds (a ledger merged at the regional office holds several); a report of more '
    'than one adds a row per Lapas.':
        'Hitung hanya masa tahanan di Lapas ini, menurut kodenya (KTL, atau KTL,JMB; huruf '
        'besar/kecil sama), beserta orang, tempat pelatihan dan pembebasan dari masa tahanan '
        'itu. Bawaan: setiap Lapas yang masa tahanannya ada di buku besar (buku besar yang '
        'digabung di Kanwil berisi beberapa); laporan lebih dari satu Lapas menambah satu '
        'baris per Lapas.',
    'With --lapas, the sponsors and the products sections still count the whole ledger '
    '(donations, spending and sales are not recorded per Lapas), and say so.':
        'Dengan --lapas, bagian donatur dan produk tetap menghitung seluruh buku besar '
        '(donasi, belanja dan penjualan tidak dicatat per Lapas), dan menyebutkannya.',
    'With --lapas, the cost per completion is still the whole ledger\'s (spending is not '
    'recorded per Lapas), and the report says so.':
        'Dengan --lapas, biaya per kelulusan tetap dari seluruh buku besar (belanja tidak '
        'dicatat per Lapas), dan laporan menyebutkannya.',
    'With --lapas, only the releases from those Lapas are counted; a readmission to any '
    'Lapas of the ledger still counts.':
        'Dengan --lapas, hanya pembebasan dari Lapas itu yang dihitung; masuk kembali ke '
        'Lapas mana pun di buku besar tetap dihitung.',
    'With --lapas, the places, the people adopted and what they came to are those of the '
    'Lapas named; donations, spending and balances are the sponsor\'s whole (not recorded '
    'per Lapas), and the report says so.':
        'Dengan --lapas, tempat pelatihan, WBP yang diadopsi dan hasilnya adalah dari Lapas '
        'yang disebut; donasi, belanja dan sisa dana adalah keseluruhan milik donatur (tidak '
        'dicatat per Lapas), dan laporan menyebutkannya.',
    'Products, production, sales and premi are not recorded per Lapas: --lapas is checked '
    'against the ledger, but the figures are always the whole ledger\'s, and the report '
    'says so.':
        'Produk, produksi, penjualan dan premi tidak dicatat per Lapas: --lapas diperiksa '
        'terhadap buku besar, tetapi angkanya selalu dari seluruh buku besar, dan laporan '
        'menyebutkannya.',
}
