"""The message catalogue: every sentence and table header wbpctl says, in English and Indonesian.

Keys are stable; ``{name}`` fields are filled from the error's or result's
parameters. A missing translation falls back to English, a missing key to the
key itself (so a gap is visible, never a crash).
"""

from __future__ import annotations

# key: (English, Indonesian)
MESSAGES: dict[str, tuple[str, str]] = {
    # -- field-level rejections: "{field}: '{value}' ..." is prefixed by ``say_error``
    "date_unparseable": ("is not a date; write 2025-10-08, 08/10/2025 or 8 Okt 2025",
                         "bukan tanggal; tulis 2025-10-08, 08/10/2025 atau 8 Okt 2025"),
    "date_spreadsheet_number": ("is a spreadsheet's day number ({probably}?): format the column"
                                " as a date (dd/mm/yyyy) and export again",
                                "adalah nomor hari spreadsheet ({probably}?): format kolomnya"
                                " sebagai tanggal (dd/mm/yyyy) lalu ekspor lagi"),
    "date_two_digit_year": ("has a two-digit year: write the year in full (08/10/2025)",
                            "tahunnya dua angka: tulis tahun lengkap (08/10/2025)"),
    "date_not_real": ("is not a real calendar date", "bukan tanggal yang ada di kalender"),
    "date_in_future": ("is in the future (today is {today})",
                       "ada di masa depan (hari ini {today})"),
    "nik_scientific": ("looks like a number a spreadsheet shortened: that NIK is lost; format the"
                       " column as text and export again",
                       "tampak dipendekkan oleh spreadsheet: NIK itu hilang; format kolom sebagai"
                       " teks lalu ekspor ulang"),
    "nik_as_number": ("was written as a number by a spreadsheet: format the column as text and"
                      " export again (the last digits of a NIK stored as a number may be lost)",
                      "ditulis sebagai angka oleh spreadsheet: format kolom sebagai teks lalu"
                      " ekspor lagi (digit terakhir NIK yang disimpan sebagai angka bisa hilang)"),
    "nik_masked": ("is masked (an export without --reveal): export again with --reveal to"
                   " carry NIKs over", "disamarkan (ekspor tanpa --reveal): ekspor lagi dengan"
                   " --reveal untuk membawa NIK"),
    "nik_not_digits": ("must be 16 digits (0-9 only)", "harus 16 digit (hanya 0-9)"),
    "nik_length": ("must be 16 digits, got {length}", "harus 16 digit, ada {length}"),
    "nik_day": ("has birth day {day}: must be 01-31 (men) or 41-71 (women)",
                "berisi tanggal lahir {day}: harus 01-31 (laki-laki) atau 41-71 (perempuan)"),
    "nik_month": ("has birth month {month}: must be 01-12",
                  "berisi bulan lahir {month}: harus 01-12"),
    "nik_date_not_real": ("holds a birth date that does not exist",
                          "berisi tanggal lahir yang tidak ada"),
    "nik_serial": ("has serial 0000: serials start at 0001", "bernomor urut 0000: mulai dari 0001"),
    "nik_gender_mismatch": ("says gender {nik_gender}, but the gender given is {gender}",
                            "menyatakan jenis kelamin {nik_gender}, tetapi jenis kelamin yang"
                            " diisi {gender}"),
    "nik_birth_mismatch": ("encodes birth date {nik_birth}, but the birth date given is"
                           " {birth_date}", "berisi tanggal lahir {nik_birth}, tetapi tanggal"
                           " lahir yang diisi {birth_date}"),
    "nik_duplicate": ("already belongs to another person", "sudah milik orang lain"),
    "nik_of_released_person": ("belongs to a released person ({reg_no}): use"
                               " 'wbpctl participant readmit' for a new stay",
                               "milik orang yang sudah bebas ({reg_no}): pakai"
                               " 'wbpctl participant readmit' untuk masa tahanan baru"),
    "gender_unknown": ("must be L or P (Laki-laki / Perempuan)",
                       "harus L atau P (Laki-laki / Perempuan)"),
    "name_empty": ("is empty", "kosong"),
    "name_too_long": ("is longer than {maximum} characters", "lebih dari {maximum} karakter"),
    "name_control_chars": ("holds control characters", "berisi karakter kontrol"),
    "text_too_long": ("is longer than {maximum} characters", "lebih dari {maximum} karakter"),
    "regno_unparseable": ("is not a register number such as B.I-123/2025",
                          "bukan nomor register seperti B.I-123/2025"),
    "regno_class_unknown": ("has an unknown register class (known: {classes})",
                            "berkelas register tak dikenal (dikenal: {classes})"),
    "regno_sequence_zero": ("has sequence 0: numbers start at 1", "bernomor urut 0: mulai dari 1"),
    "regno_duplicate": ("is already used in Lapas {lapas} ({canonical})",
                        "sudah dipakai di Lapas {lapas} ({canonical})"),
    "regno_class_mismatch": ("is class {register_class}, but a sentence of {sentence} is class"
                             " {implied}", "berkelas {register_class}, tetapi pidana {sentence}"
                             " termasuk kelas {implied}"),
    "sentence_unparseable": ("is not a sentence; write 2y6m, 2 tahun 6 bulan, 18 bulan or 45 hari",
                             "bukan lama pidana; tulis 2y6m, 2 tahun 6 bulan, 18 bulan atau"
                             " 45 hari"),
    "sentence_zero": ("is zero", "nol"),
    "sentence_too_long": ("is longer than 100 years", "lebih dari 100 tahun"),
    "sentence_required": ("is required for a sentenced register number ({reg_no})",
                          "wajib untuk nomor register narapidana ({reg_no})"),
    "sentence_for_pretrial": ("is given, but {reg_no} is a pre-trial (tahanan) number",
                              "diisi, tetapi {reg_no} adalah nomor tahanan"),
    "fine_substitute_needs_b3": ("must be class B.III to mark kurungan in place of a fine",
                                 "harus kelas B.III untuk kurungan pengganti denda"),
    "person_uid_taken": ("is not a free global id (a UUID no other person has)",
                         "bukan id global yang bebas (UUID yang belum dipakai orang lain)"),
    "detained_after_release": ("is after the release on {released_on}",
                               "setelah tanggal bebas {released_on}"),
    "detained_after_admitted": ("is after the admission date {admitted}",
                                "setelah tanggal masuk {admitted}"),
    "birth_after_detention": ("is not before the detention date {detained}",
                              "tidak sebelum tanggal penahanan {detained}"),
    "readmit_before_release": ("is before the last release on {released_on}",
                               "sebelum tanggal bebas terakhir {released_on}"),
    "status_unknown": ("is not a status (choose {choices})", "bukan status (pilih {choices})"),
    "phase_unknown": ("is not a phase (choose {choices})", "bukan fase (pilih {choices})"),
    "result_unknown": ("is not a result (choose {choices})", "bukan hasil (pilih {choices})"),
    "hours_range": ("must be between 0 and 10000", "harus antara 0 dan 10000"),
    "reason_unknown": ("is not a drop reason (choose {choices})",
                       "bukan alasan keluar (pilih {choices})"),
    "assign_before_stay": ("is before the stay began ({began})",
                           "sebelum masa tahanan dimulai ({began})"),
    "complete_before_assign": ("is before the assignment on {assigned_on}",
                               "sebelum penempatan pada {assigned_on}"),
    "drop_before_assign": ("is before the assignment on {assigned_on}",
                           "sebelum penempatan pada {assigned_on}"),
    "certificate_used": ("is already used in track {track}", "sudah dipakai di pelatihan {track}"),
    "remission_kind_unknown": ("is not a remission kind (choose {choices})",
                               "bukan jenis remisi (pilih {choices})"),
    "remission_days_range": ("must be days from 1 to {maximum} (60, 60 hari, 2 bulan, 1 bulan"
                             " 15 hari)", "harus 1 s.d. {maximum} hari (60, 60 hari, 2 bulan,"
                             " 1 bulan 15 hari)"),
    "remission_outside_stay": ("is outside the stay ({start} to {end})",
                               "di luar masa tahanan ({start} s.d. {end})"),
    "release_type_unknown": ("is not a release type (choose {choices})",
                             "bukan jenis bebas (pilih {choices})"),
    "release_before_detention": ("is before detention on {detained}",
                                 "sebelum penahanan pada {detained}"),
    # -- whole-command rejections
    "who_not_found": ("No participant matches '{who}' (give a register number such as"
                      " B.I-123/2025 or a 16-digit NIK; see 'wbpctl participant list')",
                      "Tidak ada peserta dengan '{who}' (beri nomor register seperti"
                      " B.I-123/2025 atau NIK 16 digit; lihat 'wbpctl participant list')"),
    "track_not_found": ("No track '{track}' (see 'wbpctl track list')",
                        "Tidak ada pelatihan '{track}' (lihat 'wbpctl track list')"),
    "opd_not_found": ("No OPD '{opd}' (see 'wbpctl opd list')",
                      "Tidak ada OPD '{opd}' (lihat 'wbpctl opd list')"),
    "nothing_to_change": ("Nothing to change for '{who}': every value given is already recorded",
                          "Tidak ada yang diubah untuk '{who}': semua nilai sudah tercatat"),
    "readmit_in_custody": ("'{who}' is still in custody under {reg_no}: release them first",
                           "'{who}' masih ditahan dengan {reg_no}: catat bebasnya dulu"),
    "person_not_here": ("'{who}' is {status}: no longer in this programme",
                        "'{who}' berstatus {status}: tidak lagi dalam program ini"),
    "track_custody_only": ("Track {track} is for people in custody; '{who}' has been released",
                           "Pelatihan {track} untuk warga binaan di dalam; '{who}' sudah bebas"),
    "track_post_release_only": ("Track {track} is for people after release; '{who}' is in custody",
                                "Pelatihan {track} untuk setelah bebas; '{who}' masih ditahan"),
    "already_in_track": ("'{who}' is already {status} in track {track}",
                         "'{who}' sudah {status} di pelatihan {track}"),
    "never_in_track": ("'{who}' was never in track {track}",
                       "'{who}' tidak pernah ikut pelatihan {track}"),
    "no_enrolment_on": ("'{who}' has no place in {track} that began or ended on {on}",
                        "'{who}' tidak punya tempat di {track} yang mulai atau selesai pada {on}"),
    "correct_not_completed": ("{track} of '{who}' is {status}, not completed: only a completion"
                              " has hours, a certificate and a result",
                              "{track} milik '{who}' berstatus {status}, bukan selesai: hanya"
                              " penyelesaian yang punya jam, sertifikat dan hasil"),
    "correct_not_dropped": ("{track} of '{who}' is {status}, not dropped: only a drop has a"
                            " reason", "{track} milik '{who}' berstatus {status}, bukan keluar:"
                            " hanya yang keluar punya alasan"),
    "remission_not_found": ("'{who}' has no {kind} remission granted on {on} in the current"
                            " stay", "'{who}' tidak punya remisi {kind} pada {on} di masa"
                            " tahanan sekarang"),
    "not_in_track": ("'{who}' is not active or waiting in track {track}",
                     "'{who}' tidak aktif atau menunggu di pelatihan {track}"),
    "complete_waitlisted": ("'{who}' is still on the waitlist of {track}: nothing to complete",
                            "'{who}' masih di daftar tunggu {track}: belum bisa selesai"),
    "remission_not_for_sentence": ("No remission for a sentence of {sentence}",
                                   "Tidak ada remisi untuk pidana {sentence}"),
    "remission_not_for_fine": ("No remission for kurungan in place of a fine",
                               "Tidak ada remisi untuk kurungan pengganti denda"),
    "remission_past_grant": ("That remission would move expiry to {expiry}, before the grant"
                             " date {on}", "Remisi itu memindahkan ekspirasi ke {expiry},"
                             " sebelum tanggal pemberian {on}"),
    "release_not_in_custody": ("'{who}' is not in custody (status {status})",
                               "'{who}' tidak sedang ditahan (status {status})"),
    "pb_impossible": ("PB is not possible for this sentence (no fixed term, or 2/3 of it is"
                      " under the minimum); use --override REASON to record it anyway",
                      "PB tidak mungkin untuk pidana ini (tanpa jangka tetap, atau 2/3-nya di"
                      " bawah minimum); pakai --override ALASAN bila tetap dicatat"),
    "pb_too_early": ("PB is possible from {eligible}; use --override REASON to record it anyway",
                     "PB baru mungkin sejak {eligible}; pakai --override ALASAN bila tetap"
                     " dicatat"),
    "cb_not_allowed": ("CB is only for sentences up to the configured limit; use --override"
                       " REASON to record it anyway", "CB hanya untuk pidana sampai batas di"
                       " konfigurasi; pakai --override ALASAN bila tetap dicatat"),
    "cb_too_early": ("CB is possible from {eligible}; use --override REASON to record it anyway",
                     "CB baru mungkin sejak {eligible}; pakai --override ALASAN bila tetap"
                     " dicatat"),
    "demo_not_empty": ("The database {path} already holds data: the demo fills only an empty one",
                       "Basis data {path} sudah berisi data: demo hanya mengisi yang kosong"),
    "usage_who_or_all": ("Give WHO or leave it out, not both", "Beri WHO atau tidak sama sekali"),
    # -- configuration
    "config_missing": ("Config file {file} does not exist", "Berkas konfigurasi {file} tidak ada"),
    "config_unreadable": ("Config file {file} cannot be read: {reason}",
                          "Berkas konfigurasi {file} tak terbaca: {reason}"),
    "config_yaml": ("Config file {file} is not valid YAML ({where}): {reason}",
                    "Berkas konfigurasi {file} bukan YAML yang sah ({where}): {reason}"),
    "config_bad": ("Config file {file}: {key} {reason}", "Berkas konfigurasi {file}: {key} {reason}"),
    # -- storage
    "db_missing": ("Database {path} does not exist: run 'wbpctl init' to create it, or check"
                   " --db / WBPCTL_DB", "Basis data {path} tidak ada: jalankan 'wbpctl init'"
                   " untuk membuatnya, atau periksa --db / WBPCTL_DB"),
    "db_cannot_create": ("Cannot create database {path}: {reason}",
                         "Tidak bisa membuat basis data {path}: {reason}"),
    "db_unreadable": ("Cannot read database {path}: {reason}",
                      "Tidak bisa membaca basis data {path}: {reason}"),
    "db_not_sqlite": ("{path} is not an SQLite database", "{path} bukan basis data SQLite"),
    "db_not_wbpctl": ("{path} is an SQLite database but not a wbpctl ledger; refusing to touch it",
                      "{path} adalah basis data SQLite tetapi bukan buku besar wbpctl;"
                      " tidak disentuh"),
    "db_uninitialised": ("Database {path} is empty: run 'wbpctl init' first",
                         "Basis data {path} kosong: jalankan 'wbpctl init' dulu"),
    "db_too_new": ("Database {path} was written by a newer wbpctl (schema {version}, this one knows"
                   " {known}): upgrade wbpctl; the file was not changed",
                   "Basis data {path} ditulis wbpctl yang lebih baru (skema {version}, versi ini"
                   " {known}): perbarui wbpctl; berkas tidak diubah"),
    "db_needs_upgrade": ("Database {path} has schema {version}, this wbpctl needs {known}: run"
                         " 'wbpctl init' to upgrade it", "Basis data {path} berskema {version},"
                         " perlu {known}: jalankan 'wbpctl init' untuk memperbarui"),
    "db_busy": ("Database {path} is busy (another wbpctl is writing): nothing was written; try"
                " again", "Basis data {path} sedang dipakai (wbpctl lain menulis): tidak ada yang"
                " ditulis; coba lagi"),
    "db_corrupt": ("Database {path} is damaged ({reason}): restore a backup",
                   "Basis data {path} rusak ({reason}): pulihkan dari cadangan"),
    "db_readonly": ("Database {path} is read-only: nothing was written",
                    "Basis data {path} hanya-baca: tidak ada yang ditulis"),
    "db_disk": ("Cannot write database {path} ({reason}): nothing was written",
                "Tidak bisa menulis basis data {path} ({reason}): tidak ada yang ditulis"),
    "db_error": ("Database {path}: {reason}", "Basis data {path}: {reason}"),
    "output_format_unsupported": ("names {format}, which this command does not write"
                                  " (it writes {allowed}; or give -f)",
                                  "berformat {format}, yang tidak ditulis perintah ini"
                                  " (perintah ini menulis {allowed}; atau beri -f)"),
    "output_failed": ("Cannot write {path}: {reason}", "Tidak bisa menulis {path}: {reason}"),
    "internal_error": ("Internal error ({kind}); nothing was written. Run again with"
                       " WBPCTL_DEBUG=1 to see where, and report it",
                       "Galat internal ({kind}); tidak ada yang ditulis. Jalankan lagi dengan"
                       " WBPCTL_DEBUG=1 untuk melihat letaknya, lalu laporkan"),
    "interrupted": ("Interrupted: nothing was written", "Dihentikan: tidak ada yang ditulis"),
    # -- results
    "init_created": ("Created {path}: {migrations} migration(s), catalogue synced",
                     "Membuat {path}: {migrations} migrasi, katalog disinkronkan"),
    "init_upgraded": ("Upgraded {path}: {migrations} migration(s)",
                      "Memperbarui {path}: {migrations} migrasi"),
    "init_synced": ("Catalogue of {path} updated from the config",
                    "Katalog {path} diperbarui dari konfigurasi"),
    "init_unchanged": ("{path} is up to date: nothing written",
                       "{path} sudah mutakhir: tidak ada yang ditulis"),
    "demo_done": ("Demo data: {people} people, {events} events (fictional)",
                  "Data demo: {people} orang, {events} peristiwa (fiktif)"),
    "registered": ("Registered {name} as {reg_no}", "Terdaftar {name} sebagai {reg_no}"),
    "readmitted": ("Readmitted {name} as {reg_no}", "Masuk kembali {name} sebagai {reg_no}"),
    "corrected": ("Corrected {name}: {changed}", "Dikoreksi {name}: {changed}"),
    "assigned": ("Assigned {name} to {track} from {on}",
                 "{name} ditempatkan di {track} sejak {on}"),
    "waitlisted": ("{track} is full: {name} is number {position} on its waitlist",
                   "{track} penuh: {name} nomor {position} di daftar tunggu"),
    "promoted": ("{name} moved up from the waitlist of {track}",
                 "{name} naik dari daftar tunggu {track}"),
    "completed": ("{name} completed {track} on {on} ({result})",
                  "{name} menyelesaikan {track} pada {on} ({result})"),
    "delivered": ("{track} delivered to {name} on {on}",
                  "{track} diberikan kepada {name} pada {on}"),
    "dropped": ("{name} left {track} on {on} ({reason})",
                "{name} keluar dari {track} pada {on} ({reason})"),
    "enrolment_corrected": ("Corrected {name} in {track}: {changed}",
                            "Dikoreksi {name} di {track}: {changed}"),
    "remission_corrected": ("Remission {kind} of {name} on {on}: {was} -> {days} days; expiry"
                            " now {expiry}", "Remisi {kind} {name} pada {on}: {was} -> {days}"
                            " hari; ekspirasi kini {expiry}"),
    "nothing_to_correct": ("Nothing to correct: the record of {name} already says so",
                           "Tidak ada yang dikoreksi: catatan {name} sudah begitu"),
    "remission_recorded": ("Remission {kind} of {days} days for {name} on {on}; expiry now"
                           " {expiry}", "Remisi {kind} {days} hari untuk {name} pada {on};"
                           " ekspirasi kini {expiry}"),
    "remission_suggested": ("The remission table gives {suggested_days} days ({kind}, {on}) for"
                            " {name}; nothing recorded", "Tabel remisi memberi {suggested_days}"
                            " hari ({kind}, {on}) untuk {name}; tidak dicatat"),
    "released": ("Released {name} ({reg_no}) on {on} as {type}",
                 "{name} ({reg_no}) bebas pada {on} dengan jenis {type}"),
    "enrolments_ended": ("Ended enrolments: {tracks}", "Pelatihan diakhiri: {tracks}"),
    "verify_ok": ("Ledger sound: {events} events, chain intact, projections match a full"
                  " replay", "Buku besar utuh: {events} peristiwa, rantai utuh, proyeksi cocok"
                  " dengan pemutaran ulang"),
    "verify_ok_quick": ("Ledger chain intact: {events} events (tables not replayed: --quick)",
                        "Rantai buku besar utuh: {events} peristiwa (tabel tidak diputar"
                        " ulang: --quick)"),
    "verify_chain": ("Ledger broken at event #{seq}: {detail}",
                     "Buku besar rusak pada peristiwa #{seq}: {detail}"),
    "verify_projection": ("Table {table} differs from the ledger: {detail}",
                          "Tabel {table} berbeda dari buku besar: {detail}"),
    # -- ledger heads, checkpoints and signatures
    "head_unparseable": ("is not a ledger head; write it as printed on a report"
                         " (KTL#5120:3f9a2c71), as a seq (5120) or as a hash (at least 8 hex"
                         " digits)", "bukan kepala buku besar; tulis seperti tercetak di"
                         " laporan (KTL#5120:3f9a2c71), sebagai nomor urut (5120) atau sebagai"
                         " hash (sedikitnya 8 digit heksadesimal)"),
    "head_seq_zero": ("names event 0: events are numbered from 1",
                      "menyebut peristiwa 0: peristiwa bernomor mulai 1"),
    "head_hash_ambiguous": ("starts the hash of more than one event: give more hex digits, or"
                            " the seq (KTL#5120:3f9a2c71)", "mengawali hash lebih dari satu"
                            " peristiwa: beri lebih banyak digit, atau nomor urutnya"
                            " (KTL#5120:3f9a2c71)"),
    "head_not_found": ("The ledger has no event #{seq} (it holds {events}): {given} is not"
                       " a head of this ledger", "Buku besar tidak punya peristiwa #{seq}"
                       " (isinya {events}): {given} bukan kepala buku besar ini"),
    "head_hash_not_found": ("No event of the ledger has a hash starting {given}",
                            "Tidak ada peristiwa di buku besar yang hash-nya diawali {given}"),
    "head_differs": ("{given} is not in this ledger: its event #{seq} is {found}",
                     "{given} tidak ada di buku besar ini: peristiwa #{seq}-nya adalah {found}"),
    "replay_failed": ("Cannot replay the ledger into a scratch copy ({reason}): free space in"
                      " the temporary folder (TMPDIR)", "Tidak bisa memutar ulang buku besar ke"
                      " salinan sementara ({reason}): kosongkan ruang di folder sementara"
                      " (TMPDIR)"),
    "timestamp_unparseable": ("is not a time; write it as a report prints it"
                              " (2026-11-01T06:00:02+00:00)", "bukan waktu; tulis seperti"
                              " tercetak di laporan (2026-11-01T06:00:02+00:00)"),
    "head_ok": ("{head} is in the ledger", "{head} ada di buku besar"),
    "checkpoint_not_found": ("Checkpoint {given} ({file} line {line}, written {written_at} by"
                             " {actor}) is not in this ledger: it holds only {events} events;"
                             " events were removed after that checkpoint",
                             "Titik periksa {given} ({file} baris {line}, ditulis {written_at}"
                             " oleh {actor}) tidak ada di buku besar ini: isinya hanya {events}"
                             " peristiwa; ada peristiwa yang dihapus setelah titik periksa itu"),
    "checkpoint_differs": ("Checkpoint {given} ({file} line {line}, written {written_at} by"
                           " {actor}) is not in this ledger: its event #{seq} is now {found};"
                           " the ledger was rewritten after that checkpoint",
                           "Titik periksa {given} ({file} baris {line}, ditulis {written_at}"
                           " oleh {actor}) tidak ada di buku besar ini: peristiwa #{seq}-nya"
                           " kini {found}; buku besar ditulis ulang setelah titik periksa itu"),
    "checkpoint_line_not_json": ("{file} line {line} is not a checkpoint: not a JSON object",
                                 "{file} baris {line} bukan titik periksa: bukan objek JSON"),
    "checkpoint_line_seq": ("{file} line {line} is not a checkpoint: seq must be a whole"
                            " number from 1", "{file} baris {line} bukan titik periksa: seq"
                            " harus bilangan bulat mulai 1"),
    "checkpoint_line_hash": ("{file} line {line} is not a checkpoint: hash must be 64 hex"
                             " digits", "{file} baris {line} bukan titik periksa: hash harus"
                             " 64 digit heksadesimal"),
    "checkpoint_line_lapas": ("{file} line {line} is not a checkpoint: lapas is missing",
                              "{file} baris {line} bukan titik periksa: lapas tidak ada"),
    "checkpoints_missing": ("Checkpoint file {file} does not exist",
                            "Berkas titik periksa {file} tidak ada"),
    "checkpoints_unreadable": ("Cannot read checkpoint file {file}: {reason}",
                               "Tidak bisa membaca berkas titik periksa {file}: {reason}"),
    "checkpoint_unwritable": ("Cannot write checkpoint file {file}: {reason}",
                              "Tidak bisa menulis berkas titik periksa {file}: {reason}"),
    "checkpoints_ok": ("{count} checkpoint(s) in {file}: every one is in the ledger",
                       "{count} titik periksa di {file}: semuanya ada di buku besar"),
    "checkpoint_written": ("Checkpoint {head} added to {file}",
                           "Titik periksa {head} ditambahkan ke {file}"),
    "checkpoint_unchanged": ("{head} is already the last checkpoint in {file}: nothing written",
                             "{head} sudah titik periksa terakhir di {file}: tidak ada yang"
                             " ditulis"),
    "checkpoint_warning": ("warning: the report was written, but not its checkpoint: {problem}",
                           "peringatan: laporan ditulis, tetapi titik periksanya tidak:"
                           " {problem}"),
    "checkpoints_ok_signed": ("{count} checkpoint(s) in {file}: every one is in the ledger and"
                              " signed by the key of {key}", "{count} titik periksa di {file}:"
                              " semuanya ada di buku besar dan ditandatangani dengan kunci"
                              " {key}"),
    "checkpoints_ok_unchecked": ("{count} checkpoint(s) in {file}: every one is in the ledger;"
                                 " {signed} signed, signatures not checked (no public key: give"
                                 " --public-key FILE)", "{count} titik periksa di {file}:"
                                 " semuanya ada di buku besar; {signed} bertanda tangan, tanda"
                                 " tangan tidak diperiksa (tanpa kunci publik: beri"
                                 " --public-key FILE)"),
    "checkpoint_unsigned": ("{file} line {line} ({head}) is not signed, but signatures are"
                            " checked with {key}: every line must be signed (start a new"
                            " checkpoint file when signing is turned on)",
                            "{file} baris {line} ({head}) tidak bertanda tangan, padahal tanda"
                            " tangan diperiksa dengan {key}: setiap baris harus bertanda"
                            " tangan (mulai berkas titik periksa baru saat penandatanganan"
                            " diaktifkan)"),
    "checkpoint_bad_signature": ("{file} line {line} ({head}): the signature does not match"
                                 " the public key {key}; the line was changed, or signed with"
                                 " another key", "{file} baris {line} ({head}): tanda tangan"
                                 " tidak cocok dengan kunci publik {key}; baris itu diubah,"
                                 " atau ditandatangani dengan kunci lain"),
    "signing_unavailable": ("Signing needs the cryptography package: pip install"
                            " 'wbpctl[signing]'", "Tanda tangan memerlukan paket cryptography:"
                            " pip install 'wbpctl[signing]'"),
    "key_exists": ("{path} exists: a key is never overwritten (move it away first)",
                   "{path} sudah ada: kunci tidak pernah ditimpa (pindahkan dulu)"),
    "key_unreadable": ("Cannot read key {path}: {reason}",
                       "Tidak bisa membaca kunci {path}: {reason}"),
    "signing_key_missing": ("Signing key {path} does not exist: make it with 'wbpctl keygen'"
                            " or correct signing_key in the config", "Kunci tanda tangan"
                            " {path} tidak ada: buat dengan 'wbpctl keygen' atau perbaiki"
                            " signing_key di konfigurasi"),
    "signing_key_bad": ("{path} is not an Ed25519 private key in PEM form (as 'wbpctl keygen'"
                        " writes it)", "{path} bukan kunci privat Ed25519 berbentuk PEM (seperti"
                        " tulisan 'wbpctl keygen')"),
    "public_key_missing": ("Public key {path} does not exist: give --public-key FILE",
                           "Kunci publik {path} tidak ada: beri --public-key FILE"),
    "public_key_bad": ("{path} is not an Ed25519 public key in PEM form",
                       "{path} bukan kunci publik Ed25519 berbentuk PEM"),
    "keygen_done": ("Key pair written: {private} (private: stays here) and {public} (public:"
                    " give it to whoever checks the checkpoints); set 'signing_key: {private}'"
                    " in config.yaml to sign every checkpoint", "Pasangan kunci ditulis:"
                    " {private} (privat: tetap di sini) dan {public} (publik: berikan kepada"
                    " pemeriksa titik periksa); isi 'signing_key: {private}' di config.yaml"
                    " agar setiap titik periksa ditandatangani"),
    "ledger_footer": ("Ledger {head}", "Buku besar {head}"),
    "s_head": ("Ledger head", "Kepala buku besar"),
    "h_head": ("Head", "Kepala"), "h_hash": ("Hash", "Hash"),
    "hd_seq": ("Events", "Peristiwa"), "hd_written_at": ("Written (UTC)", "Ditulis (UTC)"),
    "hd_signature": ("Signature", "Tanda tangan"),
    "signed_ed25519": ("signed (Ed25519)", "ditandatangani (Ed25519)"),
    # -- table headers and section titles
    "h_id": ("ID", "ID"), "h_name": ("Name", "Nama"), "h_nik": ("NIK", "NIK"),
    "h_gender": ("Sex", "JK"), "h_birth_date": ("Born", "Tgl lahir"),
    "h_reg_no": ("Register no.", "No. register"), "h_status": ("Status", "Status"),
    "h_detained_on": ("Detained", "Ditahan"), "h_admitted_on": ("Admitted", "Masuk"),
    "h_sentence": ("Sentence", "Pidana"), "h_released_on": ("Released", "Bebas"),
    "h_release_type": ("Release type", "Jenis bebas"), "h_stays": ("Stays", "Masa"),
    "h_active_enrolments": ("Active tracks", "Pelatihan aktif"),
    "h_register_class": ("Class", "Kelas"), "h_lapas": ("Lapas", "Lapas"),
    "h_crime": ("Offence", "Perkara"), "h_expiry": ("Expiry", "Ekspirasi"),
    "h_one_third": ("1/3", "1/3"), "h_half": ("1/2", "1/2"), "h_two_thirds": ("2/3", "2/3"),
    "h_pb_eligible": ("PB from", "PB sejak"), "h_cb_eligible": ("CB from", "CB sejak"),
    "h_cmb": ("CMB from", "CMB sejak"), "h_pb_trial_end": ("PB trial ends", "Akhir masa PB"),
    "h_remission_days": ("Remission (days)", "Remisi (hari)"),
    "h_track": ("Track", "Pelatihan"), "h_opd": ("OPD", "OPD"), "h_kind": ("Kind", "Jenis"),
    "h_phase": ("Phase", "Fase"), "h_capacity": ("Capacity", "Kapasitas"),
    "h_active": ("Active", "Aktif"), "h_waiting": ("Waiting", "Menunggu"),
    "h_completed": ("Completed", "Selesai"), "h_tracks": ("Tracks", "Pelatihan"),
    "h_pembinaan": ("Pembinaan", "Pembinaan"), "h_code": ("Code", "Kode"),
    "h_assigned_on": ("Assigned", "Mulai"), "h_completed_on": ("Completed", "Selesai"),
    "h_dropped_on": ("Dropped", "Keluar"), "h_reason": ("Reason", "Alasan"),
    "h_certificate": ("Certificate", "Sertifikat"), "h_hours": ("Hours", "Jam"),
    "h_result": ("Result", "Hasil"), "h_requested_on": ("Requested", "Diminta"),
    "h_waitlist_position": ("Queue", "Antrian"), "h_sponsor": ("Sponsor", "Sponsor"),
    "h_granted_on": ("Granted", "Diberikan"), "h_days": ("Days", "Hari"),
    "h_seq": ("#", "#"), "h_at": ("When (UTC)", "Waktu (UTC)"), "h_actor": ("Actor", "Pelaku"),
    "h_subject": ("Subject", "Subjek"), "h_payload": ("Details", "Rincian"),
    "h_field": ("Field", "Kolom"), "h_value": ("Value", "Nilai"),
    "s_person": ("Participant", "Peserta"), "s_stays": ("Stays", "Masa tahanan"),
    "s_enrolments": ("Tracks", "Pelatihan"), "s_remissions": ("Remissions", "Remisi"),
    "s_active": ("Active", "Aktif"), "s_waitlist": ("Waitlist", "Daftar tunggu"),
    "s_recent": ("Recent completions", "Penyelesaian terakhir"),
    "h_section": ("Section", "Bagian"), "h_due_on": ("Due", "Jatuh tempo"),
    "h_days_left": ("Days left", "Sisa hari"), "h_missing": ("Missing", "Belum ada"),
    # -- backups
    "backup_exists": ("{dest} exists: use --force to overwrite it", "{dest} sudah ada: pakai"
                      " --force untuk menimpanya"),
    "backup_onto_itself": ("{dest} is the database itself", "{dest} adalah basis data itu sendiri"),
    "backup_unsound": ("The copy at {dest} did not verify ({detail}); nothing kept",
                       "Salinan di {dest} tidak lolos verifikasi ({detail}); tidak disimpan"),
    "backup_done": ("Backup written to {dest} and verified ({events} events)",
                    "Cadangan ditulis ke {dest} dan terverifikasi ({events} peristiwa)"),
    "restore_missing": ("{source} does not exist", "{source} tidak ada"),
    "restore_unsound": ("{source} does not verify ({detail}): the database was not touched",
                        "{source} tidak lolos verifikasi ({detail}): basis data tidak disentuh"),
    "restore_done": ("Restored from {source} ({events} events); the replaced contents are in"
                     " {aside}", "Dipulihkan dari {source} ({events} peristiwa); isi lama"
                     " disimpan di {aside}"),
    # -- import and export
    "import_row_error": ("line {line}, {text}", "baris {line}, {text}"),
    "import_row_error_plain": ("line {line}: {text}", "baris {line}: {text}"),
    "import_more_errors": ("... and {count} more rejected rows (--errors FILE lists them all)",
                           "... dan {count} baris ditolak lagi (--errors FILE memuat semuanya)"),
    "import_rejected": ("Nothing written: {rejected} rejected row(s); the file goes in whole or"
                        " not at all ({new} new, {unchanged} unchanged, {changed} changed"
                        " would have passed)",
                        "Tidak ada yang ditulis: {rejected} baris ditolak; berkas masuk utuh"
                        " atau tidak sama sekali ({new} baru, {unchanged} tidak berubah,"
                        " {changed} berubah akan lolos)"),
    "import_done": ("{new} new, {changed} changed, {unchanged} unchanged, {rejected} rejected",
                    "{new} baru, {changed} berubah, {unchanged} tidak berubah,"
                    " {rejected} ditolak"),
    "import_nothing_new": ("Nothing new: {unchanged} unchanged, {rejected} rejected; nothing"
                           " written", "Tidak ada yang baru: {unchanged} tidak berubah,"
                           " {rejected} ditolak; tidak ada yang ditulis"),
    "import_dry_run": ("Dry run, nothing written: {new} new, {changed} changed, {unchanged}"
                       " unchanged, {rejected} rejected", "Uji coba, tidak ada yang ditulis:"
                       " {new} baru, {changed} berubah, {unchanged} tidak berubah,"
                       " {rejected} ditolak"),
    "import_dry_run_kind": ("  {kind}: {new} new, {changed} changed, {unchanged} unchanged",
                            "  {kind}: {new} baru, {changed} berubah, {unchanged} tidak berubah"),
    "import_unknown_columns": ("Unknown column(s) {columns}: wbpctl knows {known} (and the"
                               " aliases in config.yaml); use --ignore-extra to skip them",
                               "Kolom tak dikenal {columns}: wbpctl mengenal {known} (dan alias"
                               " di config.yaml); pakai --ignore-extra untuk melewatinya"),
    "import_missing_columns": ("Missing required column(s): {columns}; no row was read",
                               "Kolom wajib tidak ada: {columns}; tidak ada baris yang dibaca"),
    "import_duplicate_column": ("Column '{column}' is the same as '{first}'",
                                "Kolom '{column}' sama dengan '{first}'"),
    "import_encoding": ("{file} is not {encoding} (byte {byte}); try --encoding {hint}",
                        "{file} bukan {encoding} (byte {byte}); coba --encoding {hint}"),
    "import_header_at": ("Header on line {line}: the {titles} line(s) above it taken as a title",
                         "Judul kolom di baris {line}: {titles} baris di atasnya dianggap judul"
                         " daftar"),
    "import_workbook": ("{file} is a spreadsheet workbook (.xlsx, .xls or .ods), not CSV: save"
                        " it as 'CSV UTF-8' and import that file", "{file} adalah buku kerja"
                        " spreadsheet (.xlsx, .xls atau .ods), bukan CSV: simpan sebagai"
                        " 'CSV UTF-8' lalu impor berkas itu"),
    "import_encoding_unknown": ("Unknown encoding '{encoding}'", "Encoding '{encoding}' tak dikenal"),
    "import_file_missing": ("File {file} does not exist", "Berkas {file} tidak ada"),
    "import_file_unreadable": ("Cannot read {file}: {reason}", "Tidak bisa membaca {file}: {reason}"),
    "import_empty": ("{file} is empty: no header line", "{file} kosong: tidak ada baris judul"),
    "import_delimiter": ("Delimiter '{delimiter}' must be one character, or tab, comma,"
                         " semicolon or pipe", "Pemisah '{delimiter}' harus satu karakter,"
                         " atau tab, comma, semicolon, pipe"),
    "import_csv_broken": ("{file} line {line}: {reason}", "{file} baris {line}: {reason}"),
    "import_who_missing": ("is empty, and so is nik: the row names nobody",
                           "kosong, begitu juga nik: baris ini tidak menyebut siapa pun"),
    "import_value_missing": ("is empty", "kosong"),
    "import_differs": ("differs from what is recorded ({fields}); use --update to record it as a"
                       " correction", "berbeda dari yang tercatat ({fields}); pakai --update"
                       " untuk mencatatnya sebagai koreksi"),
    "import_row_too_long": ("{cells} values, but the header has {width} columns: is there a"
                            " '{delimiter}' inside a value that is not in quotes?",
                            "{cells} nilai, padahal judul punya {width} kolom: adakah '{delimiter}'"
                            " di dalam nilai yang tidak diberi tanda kutip?"),
    "import_value_without_header": ("is in a column with no header: name the column, or use"
                                    " --ignore-extra", "ada di kolom tanpa judul: beri judul"
                                    " kolomnya, atau pakai --ignore-extra"),
    "import_anonymized": ("{file} was written by 'export --anonymize': names, NIKs and register"
                          " numbers were replaced, so it cannot be loaded; to move records"
                          " between ledgers, export with --reveal", "{file} ditulis oleh"
                          " 'export --anonymize': nama, NIK dan nomor registrasi sudah diganti,"
                          " jadi tidak bisa dimuat; untuk memindahkan catatan antar-ledger,"
                          " ekspor dengan --reveal"),
    "import_release_differs": ("differs from the release recorded that day ({recorded}); a"
                               " recorded release is not changed by an import",
                               "berbeda dari pembebasan yang tercatat hari itu ({recorded});"
                               " pembebasan yang tercatat tidak diubah lewat impor"),
    "import_record_unknown": ("is not a record kind (choose {choices})",
                              "bukan jenis catatan (pilih {choices})"),
    # -- reports
    "monthly_title": ("Monthly report, {lapas}, {month}", "Laporan bulanan {lapas}, {month}"),
    "generated": ("Generated {at} by wbpctl", "Dibuat {at} oleh wbpctl"),
    "s_figures": ("Figures", "Angka utama"), "s_by_opd": ("By OPD", "Per OPD"),
    "s_by_track": ("By track", "Per pelatihan"),
    "s_trend": ("12-month trend: completions and releases",
                "Tren 12 bulan: penyelesaian dan pembebasan"),
    "s_period": ("Period", "Periode"),
    "bars_assigned_completed": ("assigned / completed", "ditempatkan / selesai"),
    "m_registered": ("Admitted this month", "Masuk bulan ini"),
    "m_readmitted": ("of whom readmitted", "di antaranya masuk kembali"),
    "m_in_custody_start": ("In custody at the start", "Ditahan di awal bulan"),
    "m_in_custody_end": ("In custody at the end", "Ditahan di akhir bulan"),
    "m_assigned": ("Places started", "Mulai pelatihan"),
    "m_waitlisted": ("Put on a waitlist", "Masuk daftar tunggu"),
    "m_completed": ("Completed", "Selesai"), "m_failed": ("Failed", "Tidak lulus"),
    "m_dropped": ("Dropped", "Keluar"),
    "m_released": ("Released into the community", "Bebas ke masyarakat"),
    "m_transferred": ("Transferred out", "Dipindahkan"), "m_deceased": ("Deceased", "Meninggal"),
    "m_releasing_next_90_days": ("Due for release in the next 90 days",
                                 "Akan bebas dalam 90 hari"),
    "m_completion_rate": ("Completion rate", "Tingkat penyelesaian"),
    "month_unparseable": ("is not a month; write YYYY-MM, this or last",
                          "bukan bulan; tulis YYYY-MM, this atau last"),
    "month_in_future": ("has not begun yet (today is {today})", "belum dimulai (hari ini {today})"),
    "period_empty": ("is not after --from {start}", "tidak setelah --from {start}"),
    "windows_unparseable": ("must be whole years separated by commas, such as 1,2,3",
                            "harus tahun bulat dipisah koma, seperti 1,2,3"),
    "h_assigned": ("Assigned", "Ditempatkan"), "h_waitlisted": ("Waitlisted", "Daftar tunggu"),
    "h_failed": ("Failed", "Tidak lulus"), "h_dropped": ("Dropped", "Keluar"),
    "h_active_end": ("Active at end", "Aktif di akhir"), "h_released": ("Released", "Bebas"),
    "h_month": ("Month", "Bulan"), "h_cohort": ("Cohort", "Kohort"),
    "h_window_years": ("Window (years)", "Jangka (tahun)"), "h_group": ("Group", "Kelompok"),
    "h_eligible": ("Eligible", "Memenuhi"), "h_readmitted": ("Readmitted", "Masuk kembali"),
    "h_rate": ("Rate", "Tingkat"), "h_relative_difference": ("Relative difference",
                                                             "Selisih relatif"),
    "h_completion_rate": ("Completion rate", "Tingkat selesai"),
    "h_from": ("From", "Dari"), "h_to": ("To (exclusive)", "Sampai (tidak termasuk)"),
    "v_completed_training": ("completed a training", "menyelesaikan pelatihan"),
    "v_no_training": ("no training completed", "tanpa pelatihan selesai"),
    # -- coded values as shown in tables (JSON and CSV keep the codes)
    "v_in_custody": ("in custody", "ditahan"), "v_released": ("released", "bebas"),
    "v_transferred": ("transferred", "pindah"), "v_deceased": ("deceased", "meninggal"),
    "v_active": ("active", "aktif"), "v_waitlisted": ("waitlisted", "menunggu"),
    "v_completed": ("completed", "selesai"), "v_failed": ("failed", "tidak lulus"),
    "v_dropped": ("dropped", "keluar"), "v_due": ("due", "segera bebas"),
    "v_training": ("training", "pelatihan"), "v_service": ("service", "layanan"),
    "v_custody": ("custody", "di dalam"), "v_post-release": ("post-release", "setelah bebas"),
    "v_any": ("any", "semua"), "v_pass": ("pass", "lulus"), "v_fail": ("fail", "tidak lulus"),
    "v_withdrawn-own": ("withdrew", "mengundurkan diri"),
    "v_withdrawn-staff": ("withdrawn by staff", "ditarik petugas"), "v_health": ("health", "sakit"),
    "v_security": ("security", "keamanan"), "v_dismissed": ("dismissed", "dikeluarkan"),
    "v_other": ("other", "lain"),
    "none": ("(none)", "(tidak ada)"),
}


def value_word(value: str, lang: str) -> str:
    """A coded value (a status, a result) in the words of ``lang``; unknown codes as they are."""
    return msg("v_" + value, lang) if ("v_" + value) in MESSAGES else value


def msg(key: str, lang: str = "en", /, **params: object) -> str:
    pair = MESSAGES.get(key)
    if pair is None:
        return key + (" " + repr(params) if params else "")
    template = pair[1] if lang == "id" and pair[1] else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def header(key: str, lang: str) -> str:
    return msg("h_" + key, lang) if ("h_" + key) in MESSAGES else key
