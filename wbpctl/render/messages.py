"""The message catalogue: every sentence and table header wbpctl says, in English and Indonesian.

Keys are stable; ``{name}`` fields are filled from the error's or result's
parameters. A missing translation falls back to English, a missing key to the
key itself (so a gap is visible, never a crash).
"""

from __future__ import annotations

from ..domain.errors import Message
from ..domain.money import Rupiah
from ..domain.patterns import LazyPattern
from .numbers import number
from .safe import cut, terminal_text

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
    "date_out_of_range": ("is not between the years {first} and {last}",
                          "tidak di antara tahun {first} dan {last}"),
    "date_month_first": ("can only be month-first ({probably}?): write the day first"
                         " (25/01/2026), or set date_input_order: month-first",
                         "hanya masuk akal bila bulan di depan ({probably}?): tulis tanggal"
                         " dulu (25/01/2026), atau atur date_input_order: month-first"),
    "date_day_first": ("can only be day-first ({probably}?): write the month first, or set"
                       " date_input_order: day-first", "hanya masuk akal bila tanggal di depan"
                       " ({probably}?): tulis bulan dulu, atau atur date_input_order:"
                       " day-first"),
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
    "nik_held": ("already belongs to {reg_no}", "sudah milik {reg_no}"),
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
    "text_control_chars": ("holds control characters", "berisi karakter kontrol"),
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
    "sentence_too_long": ("is longer than {years} years, the longest fixed term; write"
                          " 'seumur hidup' for life", "lebih dari {years} tahun, pidana"
                          " penjara waktu tertentu terlama; tulis 'seumur hidup' untuk"
                          " seumur hidup"),
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
    "release_before_admission": ("is before the admission on {admitted}",
                                 "sebelum tanggal masuk {admitted}"),
    "to_only_for_transfer": ("is only for a transfer (--type pindah)",
                             "hanya untuk pemindahan (--type pindah)"),
    "return_before_transfer": ("is before the transfer out on {left_on}",
                               "sebelum pemindahan keluar pada {left_on}"),
    "verdict_class_differs": ("is not of --class {register_class}: the number and the class"
                              " disagree", "bukan kelas --class {register_class}: nomor dan"
                              " kelasnya tidak sesuai"),
    "verdict_class_required": ("is needed: give --class (B.I, B.IIa, B.IIb, B.III) or --reg-no",
                               "wajib: beri --class (B.I, B.IIa, B.IIb, B.III) atau --reg-no"),
    "verdict_class_pretrial": ("is a pre-trial class: a verdict gives a sentenced class (B.*)",
                               "kelas tahanan: putusan memberi kelas narapidana (B.*)"),
    "verdict_before_detention": ("is before the detention on {detained}",
                                 "sebelum penahanan pada {detained}"),
    "crime_category_unknown": ("is not an offence category (choose {choices})",
                               "bukan kategori perkara (pilih {choices})"),
    "void_reason_required": ("is needed: say why the act is void (--reason)",
                             "wajib: sebutkan mengapa dibatalkan (--reason)"),
    "reason_required": ("is needed: say why (--reason)", "wajib: sebutkan alasannya (--reason)"),
    "revoke_before_release": ("is before the release on {released_on}",
                              "sebelum tanggal bebas {released_on}"),
    "sponsor_kind_unknown": ("is not a kind of sponsor (choose {choices})",
                             "bukan jenis donatur (pilih {choices})"),
    "consent_unknown": ("must be yes or no (ya / tidak)", "harus yes atau no (ya / tidak)"),
    "sponsor_code_invalid": ("is not a code: letters and digits joined by '-', at most"
                             " {maximum} characters", "bukan kode: huruf dan angka dengan '-',"
                             " paling banyak {maximum} karakter"),
    "sponsor_code_reserved": ("is kept for public budgets ({codes})",
                              "dipakai untuk anggaran negara/daerah ({codes})"),
    "sponsor_name_taken": ("is already registered (as {code})", "sudah terdaftar (sebagai {code})"),
    "sponsor_code_taken": ("is already another sponsor's code", "sudah kode donatur lain"),
    "donation_amount_and_goods": ("is for cash: goods given (--in-kind) take --value instead",
                                  "untuk uang tunai: barang (--in-kind) memakai --value"),
    "donation_goods_value": ("is needed for goods (--in-kind): what they are worth in rupiah",
                             "wajib untuk barang (--in-kind): nilainya dalam rupiah"),
    "donation_value_without_goods": ("is the worth of goods: give --in-kind, or --amount for"
                                     " cash", "adalah nilai barang: beri --in-kind, atau"
                                     " --amount untuk uang tunai"),
    "donation_amount_required": ("is needed: --amount for cash, or --in-kind with --value",
                                 "wajib: --amount untuk uang tunai, atau --in-kind dengan"
                                 " --value"),
    "donation_one_purpose": ("names more than one purpose: one of --for-track, --for or"
                             " --general", "menyebut lebih dari satu tujuan: pilih satu dari"
                             " --for-track, --for atau --general"),
    "donation_ref_used": ("is already the number of another donation",
                          "sudah nomor donasi lain"),
    "spending_ref_used": ("is already the number of another spending",
                          "sudah nomor belanja lain"),
    "what_required": ("is needed: say what was bought or paid (--what)",
                      "wajib: sebutkan apa yang dibeli atau dibayar (--what)"),
    "adoption_ends_before": ("is before the start {start}", "sebelum tanggal mulai {start}"),
    "adoption_before_stay": ("is before the person's first admission ({began})",
                             "sebelum orang itu pertama masuk ({began})"),
    "channel_unknown": ("is not a sales channel (choose {choices})",
                        "bukan saluran penjualan (pilih {choices})"),
    "qty_whole": ("is not a whole number of units", "bukan jumlah satuan yang bulat"),
    "qty_range": ("must be from 1 to {maximum}", "harus 1 s.d. {maximum}"),
    "sale_too_large": ("at {price} each comes to {amount}, more than Rp 10 trillion: is it"
                       " right?", "dengan harga {price} menjadi {amount}, lebih dari Rp 10"
                       " triliun: benarkah?"),
    "share_per_maker": ("must give one whole weight per maker ({makers}), such as 60,40",
                        "harus satu bobot bulat per pembuat ({makers}), seperti 60,40"),
    "makers_required": ("is needed: who made it (--makers B.I-12/2025,B.I-15/2025)",
                        "wajib: siapa pembuatnya (--makers B.I-12/2025,B.I-15/2025)"),
    "maker_twice": ("is named twice", "disebut dua kali"),
    "batch_used": ("is already a batch of {product}", "sudah nomor batch {product}"),
    "sale_ref_used": ("is already the number of another sale", "sudah nomor penjualan lain"),
    "payout_ref_used": ("is already the number of another payout",
                        "sudah nomor pembayaran lain"),
    "money_unparseable": ("is not an amount of rupiah; write 5.000.000, 5000000, Rp 5 juta,"
                          " 1,2 juta or 750 ribu", "bukan jumlah rupiah; tulis 5.000.000,"
                          " 5000000, Rp 5 juta, 1,2 juta atau 750 ribu"),
    "money_not_whole": ("is not a whole number of rupiah (no sen): write 5.000.000 or"
                        " 5.000.000,00", "bukan rupiah bulat (tanpa sen): tulis 5.000.000"
                        " atau 5.000.000,00"),
    "money_decimal_point": ("has a decimal point: write 1,5 juta (a decimal comma) or"
                            " 1.500.000", "memakai titik desimal: tulis 1,5 juta (koma"
                            " desimal) atau 1.500.000"),
    "money_not_positive": ("must be more than Rp 0", "harus lebih dari Rp 0"),
    "money_too_large": ("is more than Rp 10 trillion: is it right?",
                        "lebih dari Rp 10 triliun: benarkah?"),
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
    "sponsor_not_found": ("No sponsor '{sponsor}' (see 'wbpctl sponsor list'; register one"
                          " with 'wbpctl sponsor add')", "Tidak ada donatur '{sponsor}' (lihat"
                          " 'wbpctl sponsor list'; daftarkan dengan 'wbpctl sponsor add')"),
    "sponsor_is_public_fund": ("{sponsor} is a public budget, not a sponsor: it funds spending"
                               " (spend --funded-by {sponsor}) but gives no donations or"
                               " places", "{sponsor} adalah anggaran negara/daerah, bukan"
                               " donatur: ia membiayai belanja (spend --funded-by {sponsor})"
                               " tetapi tidak memberi donasi atau kursi"),
    "donation_not_found": ("No donation '{donation}' (give its receipt number or the number"
                           " 'wbpctl donation list' shows)", "Tidak ada donasi '{donation}'"
                           " (beri nomor kuitansinya atau nomor di 'wbpctl donation list')"),
    "donation_voided": ("Donation {donation} was voided on {on}: nothing to change",
                        "Donasi {donation} sudah dibatalkan pada {on}: tidak ada yang diubah"),
    "overspend": ("{sponsor} has {available} left for {track} (its money for it and its"
                  " general money), less than {amount}: record a donation first, fund it"
                  " otherwise (--funded-by APBD), or give --override REASON",
                  "{sponsor} tinggal punya {available} untuk {track} (dananya untuk itu dan"
                  " dana umumnya), kurang dari {amount}: catat donasinya dulu, biayai dengan"
                  " sumber lain (--funded-by APBD), atau beri --override ALASAN"),
    "adoption_overlaps": ("{sponsor} already adopts '{who}' from {start} until {until}: change"
                          " that adoption (the same --from) instead",
                          "{sponsor} sudah mengadopsi '{who}' dari {start} sampai {until}:"
                          " ubah adopsi itu (dengan --from yang sama)"),
    "product_not_found": ("No product '{product}' (see 'wbpctl product list'; products are"
                          " set in config.yaml and synced by 'wbpctl init')",
                          "Tidak ada produk '{product}' (lihat 'wbpctl product list'; produk"
                          " diatur di config.yaml dan disinkronkan oleh 'wbpctl init')"),
    "maker_not_in_custody": ("'{who}' was not in custody on {on}: only people inside make"
                             " products", "'{who}' tidak sedang ditahan pada {on}: hanya warga"
                             " binaan di dalam yang membuat produk"),
    "maker_not_in_track": ("'{who}' was not active in {track} on {on} nor had completed it:"
                           " only its participants make {product}", "'{who}' tidak aktif di"
                           " {track} pada {on} dan belum menyelesaikannya: hanya pesertanya"
                           " yang membuat {product}"),
    "stock_short": ("Only {stock} {unit} of {product} made by {on} are in stock, fewer than"
                    " {qty}: record the production first", "Stok {product} yang dibuat"
                    " sampai {on} hanya {stock} {unit}, kurang dari {qty}: catat produksinya"
                    " dulu"),
    "payout_above_balance": ("{amount} is more than the premi not yet paid out ({balance})",
                             "{amount} lebih dari premi yang belum dibayarkan ({balance})"),
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
    "cb_not_allowed": ("CB is only for sentences up to {months} months (sentence_rules in the"
                       " config); use --override REASON to record it anyway",
                       "CB hanya untuk pidana sampai {months} bulan (sentence_rules di"
                       " konfigurasi); pakai --override ALASAN bila tetap dicatat"),
    "cb_too_early": ("CB is possible from {eligible}; use --override REASON to record it anyway",
                     "CB baru mungkin sejak {eligible}; pakai --override ALASAN bila tetap"
                     " dicatat"),
    "release_pretrial": ("{register_class} is a pre-trial (tahanan) stay: it has no {type} date"
                         " before a verdict; record the verdict with 'wbpctl participant"
                         " sentence', or release as bebas-demi-hukum",
                         "{register_class} adalah masa tahanan: belum ada tanggal {type} sebelum"
                         " putusan; catat putusannya dengan 'wbpctl participant sentence', atau"
                         " bebaskan dengan jenis bebas-demi-hukum"),
    "release_no_fixed_term": ("A life or death sentence has no {type} date; record the changed"
                              " sentence first (grasi, remisi perubahan)",
                              "Pidana seumur hidup atau mati tidak punya tanggal {type}; catat"
                              " dulu perubahan pidananya (grasi, remisi perubahan)"),
    "remisi_bebas_no_remission": ("No remission is recorded for this stay, so remisi-bebas cannot"
                                  " apply; record the remission first ('wbpctl remission add ..."
                                  " --release' records both)", "Belum ada remisi tercatat untuk"
                                  " masa ini, jadi remisi-bebas tidak berlaku; catat remisinya"
                                  " dulu ('wbpctl remission add ... --release' mencatat"
                                  " keduanya)"),
    "ekspirasi_too_early": ("Expiry is {eligible} (the sentence less the remissions recorded);"
                            " use --override REASON for an earlier release",
                            "Ekspirasi jatuh pada {eligible} (pidana dikurangi remisi yang"
                            " tercatat); pakai --override ALASAN untuk bebas lebih awal"),
    "remisi_bebas_too_early": ("The remissions recorded move expiry to {eligible}, not to this"
                               " date or before; use --override REASON to record it anyway",
                               "Remisi yang tercatat memindahkan ekspirasi ke {eligible}, bukan"
                               " ke tanggal ini atau sebelumnya; pakai --override ALASAN bila"
                               " tetap dicatat"),
    "cmb_impossible": ("CMB needs a remission recorded (its leave is the last remission); use"
                       " --override REASON to record it anyway", "CMB perlu remisi yang"
                       " tercatat (cutinya sepanjang remisi terakhir); pakai --override ALASAN"
                       " bila tetap dicatat"),
    "cmb_too_early": ("CMB is possible from {eligible}; use --override REASON to record it"
                      " anyway", "CMB baru mungkin sejak {eligible}; pakai --override ALASAN"
                      " bila tetap dicatat"),
    "remission_pretrial": ("{reg_no} is a pre-trial (tahanan) stay: no remission before a"
                           " verdict ('wbpctl participant sentence')", "{reg_no} adalah masa"
                           " tahanan: belum ada remisi sebelum putusan ('wbpctl participant"
                           " sentence')"),
    "remission_twice_a_year": ("{kind} was already granted in {year} (on {first}): it comes once"
                               " a year; use --override REASON for another holiday or decree",
                               "{kind} sudah diberikan pada {year} (tanggal {first}): hanya"
                               " sekali setahun; pakai --override ALASAN untuk hari raya atau"
                               " keputusan lain"),
    "remission_after_expiry": ("Expiry was already {expiry}, before this grant on {on}: record"
                               " the release instead", "Ekspirasi sudah {expiry}, sebelum"
                               " pemberian ini pada {on}: catat pembebasannya"),
    "remission_release_not_due": ("--release: with this remission expiry is {expiry}, not {on};"
                                  " nobody is freed that day", "--release: dengan remisi ini"
                                  " ekspirasi {expiry}, bukan {on}; tidak ada yang bebas hari"
                                  " itu"),
    "return_not_transferred": ("'{who}' ({reg_no}) is {status}, not transferred out: nothing to"
                               " return from", "'{who}' ({reg_no}) berstatus {status}, bukan"
                               " dipindahkan: tidak ada yang kembali"),
    "readmit_is_return": ("'{who}' was transferred out under {reg_no} with that detention date:"
                          " coming back is 'wbpctl participant return', not a readmission",
                          "'{who}' dipindahkan dengan {reg_no} dan tanggal penahanan itu:"
                          " kembalinya dicatat dengan 'wbpctl participant return', bukan masuk"
                          " kembali"),
    "verdict_not_pretrial": ("'{who}' ({reg_no}, {status}) is not a pre-trial stay in custody:"
                             " a verdict turns a tahanan (A.*) stay into a sentenced one",
                             "'{who}' ({reg_no}, {status}) bukan masa tahanan yang sedang"
                             " berjalan: putusan mengubah masa tahanan (A.*) menjadi"
                             " narapidana"),
    "revoke_not_conditional": ("'{who}' ({reg_no}) is not out on PB, CB or CMB ({type}): only"
                               " a conditional release can be revoked",
                               "'{who}' ({reg_no}) tidak sedang PB, CB atau CMB ({type}): hanya"
                               " pembebasan bersyarat yang bisa dicabut"),
    "void_no_release": ("'{who}' has no release on {on} that is their latest (only the current"
                        " release can be voided)", "'{who}' tidak punya pembebasan pada {on}"
                        " yang terakhir (hanya pembebasan terakhir yang bisa dibatalkan)"),
    "void_release_has_later": ("Places begun after that release ({tracks}) must be voided"
                               " first", "Pelatihan yang dimulai setelah pembebasan itu"
                               " ({tracks}) harus dibatalkan dulu"),
    "void_remission_which": ("'{who}' has several remissions on {on} ({kinds}): say which with"
                             " --kind", "'{who}' punya beberapa remisi pada {on} ({kinds}):"
                             " pilih dengan --kind"),
    "void_remission_released": ("That stay was released on {released_on}, checked against"
                                " this remission: void the release first",
                                "Masa itu berakhir {released_on}, diperiksa dengan remisi ini:"
                                " batalkan pembebasannya dulu"),
    "void_not_latest": ("The latest act of '{who}' in {track} is its {act} on {on}: void that"
                        " first", "Tindakan terakhir '{who}' di {track} adalah {act} pada {on}:"
                        " batalkan itu dulu"),
    "void_no_act": ("'{who}' has no assignment, completion or drop in {track} on {on}",
                    "'{who}' tidak punya penempatan, penyelesaian atau keluar di {track} pada"
                    " {on}"),
    "void_place_gone": ("Voiding that {act} would give '{who}' back a place in {track} they can"
                        " no longer hold (another stay, released or transferred)",
                        "Membatalkan {act} itu akan mengembalikan tempat di {track} yang tidak"
                        " bisa lagi dipegang '{who}' (masa lain, bebas atau pindah)"),
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
    # what is wrong with a key of config.yaml (``config._Checker.fail``)
    "cfg_mapping": ("must be a mapping (key: value lines)",
                    "harus berupa pemetaan (baris kunci: nilai)"),
    "cfg_unknown_key": ("unknown key (allowed: {allowed})",
                        "kunci tak dikenal (yang boleh: {allowed})"),
    "cfg_required": ("is required", "wajib ada"),
    "cfg_type": ("must be {kind}, got {value}", "harus {kind}, bukan {value}"),
    "cfg_kind_str": ("text", "teks"),
    "cfg_kind_int": ("a whole number", "bilangan bulat"),
    "cfg_kind_float": ("a number", "bilangan"),
    "cfg_kind_bool": ("true or false", "true atau false"),
    "cfg_one_line": ("must be one line without control characters, got {value}",
                     "harus satu baris tanpa karakter kendali, bukan {value}"),
    "cfg_choice": ("must be one of {choices}, got {value}",
                   "harus salah satu dari {choices}, bukan {value}"),
    "cfg_minimum": ("must be at least {minimum}, got {value}",
                    "paling sedikit {minimum}, bukan {value}"),
    "cfg_contains": ("must contain {part}", "harus memuat {part}"),
    "cfg_path": ("must be a file path, got {value}", "harus jalur berkas, bukan {value}"),
    "cfg_list": ("must be a list", "harus berupa daftar"),
    "cfg_nonempty_list": ("must be a non-empty list", "harus daftar yang tidak kosong"),
    "cfg_duplicate_opd": ("duplicate OPD code {code}", "kode OPD ganda {code}"),
    "cfg_duplicate_track": ("duplicate track code {code}", "kode pelatihan ganda {code}"),
    "cfg_duplicate_product": ("duplicate product code {code}", "kode produk ganda {code}"),
    "cfg_unknown_opd": ("unknown OPD {opd} (known: {known})",
                        "OPD tak dikenal {opd} (yang ada: {known})"),
    "cfg_unknown_track": ("unknown track {track}", "pelatihan tak dikenal {track}"),
    "cfg_capacity": ("must be a whole number of at least 1, got {value}",
                     "harus bilangan bulat paling sedikit 1, bukan {value}"),
    "cfg_header_list": ("must be a list of header texts", "harus daftar teks judul kolom"),
    "cfg_header_is_column": ("{alias} is the name of column {column}",
                             "{alias} adalah nama kolom {column}"),
    "cfg_date": ("must be a date (YYYY-MM-DD), got {value}",
                 "harus tanggal (YYYY-MM-DD), bukan {value}"),
    "cfg_timezone": ("is not a time zone (such as Asia/Jakarta), got {value}",
                     "bukan zona waktu (seperti Asia/Jakarta): {value}"),
    "cfg_shares": ("premi_share and cooperative_share add up to more than 1"
                   " ({premi} + {cooperative})",
                   "premi_share dan cooperative_share berjumlah lebih dari 1"
                   " ({premi} + {cooperative})"),
    "cfg_offence_mapping": ("must be a mapping of category to keywords",
                            "harus pemetaan kategori ke kata kunci"),
    "cfg_offence_keywords": ("must be a list of keywords", "harus daftar kata kunci"),
    "cfg_offence_lainnya": ("must include lainnya (what no rule matches)",
                            "harus memuat lainnya (yang tidak cocok dengan aturan mana pun)"),
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
    "interrupted_saved": ("Interrupted after the change was saved: {events} event(s) are in"
                          " the ledger (head {head}); see 'wbpctl log -n {events}'",
                          "Dihentikan setelah perubahan tersimpan: {events} peristiwa ada di"
                          " buku besar (kepala {head}); lihat 'wbpctl log -n {events}'"),
    "interrupted_unknown": ("Interrupted; whether the change was saved cannot be read now:"
                            " see 'wbpctl log -n 5'", "Dihentikan; apakah perubahan tersimpan"
                            " belum dapat dibaca: lihat 'wbpctl log -n 5'"),
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
    "transferred_to": ("Transferred {name} ({reg_no}) to {to} on {on}",
                       "{name} ({reg_no}) dipindahkan ke {to} pada {on}"),
    "remission_frees": ("That remission is larger than what remained: {name} is due for release"
                        " on {on} as remisi-bebas (remisi langsung bebas); record it with"
                        " 'wbpctl release {reg_no} --on {on} --type remisi-bebas', or add"
                        " --release next time", "Remisi itu lebih besar dari sisa pidana: {name}"
                        " bebas pada {on} dengan jenis remisi-bebas (remisi langsung bebas);"
                        " catat dengan 'wbpctl release {reg_no} --on {on} --type remisi-bebas',"
                        " atau tambahkan --release"),
    "returned": ("{name} ({reg_no}) is back from {from}: the same stay goes on (transferred out"
                 " on {left_on})", "{name} ({reg_no}) kembali dari {from}: masa tahanan yang"
                 " sama berlanjut (dipindahkan pada {left_on})"),
    "revoked": ("{type} of {name} ({reg_no}, released {released_on}) revoked on {on}: back to"
                " serve the rest of the sentence (a technical return)",
                "{type} {name} ({reg_no}, bebas {released_on}) dicabut pada {on}: kembali"
                " menjalani sisa pidana (kembali teknis)"),
    "sentenced": ("Verdict for {name}: {was} is now {reg_no}, sentence {sentence} (from {on})",
                  "Putusan untuk {name}: {was} kini {reg_no}, pidana {sentence} (sejak {on})"),
    "voided": ("Voided the {what} of {name} on {on} ({reason}); it stays in the ledger",
               "Dibatalkan {what} {name} pada {on} ({reason}); tetap tercatat di buku besar"),
    "voided_restored": ("Places given back with it: {tracks}",
                        "Tempat pelatihan yang dikembalikan: {tracks}"),
    "init_sponsors_from_texts": ("{count} sponsor(s) registered from the sponsors places named"
                                 " in free text (see 'wbpctl sponsor list'; give each its"
                                 " kind with 'wbpctl sponsor edit')", "{count} donatur"
                                 " didaftarkan dari nama donatur yang ditulis bebas pada"
                                 " penempatan (lihat 'wbpctl sponsor list'; isi jenisnya"
                                 " dengan 'wbpctl sponsor edit')"),
    "sponsor_registered": ("Registered sponsor {name} as {code}",
                           "Donatur {name} terdaftar sebagai {code}"),
    "sponsor_corrected": ("Corrected sponsor {code}: {changed}",
                          "Dikoreksi donatur {code}: {changed}"),
    "donation_recorded": ("Donation #{id} of {amount} from {sponsor} on {on} recorded",
                          "Donasi #{id} sebesar {amount} dari {sponsor} pada {on} dicatat"),
    "donation_goods_recorded": ("Donation #{id} from {sponsor} on {on} recorded: {in_kind},"
                                " worth {amount}", "Donasi #{id} dari {sponsor} pada {on}"
                                " dicatat: {in_kind}, senilai {amount}"),
    "donation_corrected": ("Corrected donation #{id} of {sponsor}: {changed}",
                           "Dikoreksi donasi #{id} dari {sponsor}: {changed}"),
    "donation_voided_done": ("Voided donation #{id} of {sponsor} ({amount}) on {on} ({reason});"
                             " it stays in the ledger", "Dibatalkan donasi #{id} dari"
                             " {sponsor} ({amount}) pada {on} ({reason}); tetap tercatat di"
                             " buku besar"),
    "sponsor_overdrawn": ("{sponsor} has now spent {amount} more than it gave for {purpose}",
                          "{sponsor} kini membelanjakan {amount} lebih dari yang diberikannya"
                          " untuk {purpose}"),
    "adoption_recorded": ("{sponsor} adopts {name} from {from}",
                          "{sponsor} mengadopsi {name} sejak {from}"),
    "adoption_corrected": ("Corrected the adoption of {name} by {sponsor}: {changed}",
                           "Dikoreksi adopsi {name} oleh {sponsor}: {changed}"),
    "spending_recorded": ("Spent {amount} on {track} on {on}, funded by {funded_by}",
                          "Belanja {amount} untuk {track} pada {on}, dibiayai {funded_by}"),
    "spending_left": ("{funded_by} has {left} left for {track}",
                      "{funded_by} masih punya {left} untuk {track}"),
    "produced": ("Batch {batch} of {product}: {qty} {unit} made on {on} by {makers}"
                 " maker(s); {stock} in stock", "Batch {batch} {product}: {qty} {unit} dibuat"
                 " pada {on} oleh {makers} pembuat; stok {stock}"),
    "sold": ("Sold {qty} {unit} of {product} on {on} for {amount}: premi {premi} to"
             " {makers} maker(s), cooperative {cooperative}, PNBP {pnbp}; {stock} left",
             "Terjual {qty} {unit} {product} pada {on} seharga {amount}: premi {premi} untuk"
             " {makers} pembuat, koperasi {cooperative}, PNBP {pnbp}; sisa {stock}"),
    "premi_paid_done": ("Paid {amount} premi to {name} on {on}; {balance} left",
                        "Premi {amount} dibayarkan kepada {name} pada {on}; sisa {balance}"),
    "premi_unpaid": ("{name} leaves with {amount} premi not paid out: pay it ('wbpctl premi"
                     " pay') or it is carried", "{name} bebas dengan premi {amount} yang belum"
                     " dibayarkan: bayarkan ('wbpctl premi pay') atau dibawa sebagai"
                     " tabungan"),
    "warning": ("warning: {text}", "peringatan: {text}"),
    "release_late": ("released {days} day(s) after expiry ({expiry})",
                     "bebas {days} hari setelah ekspirasi ({expiry})"),
    "notice_sentence_long": ("a sentence of {sentence} is over {years} years: is it right?",
                             "pidana {sentence} lebih dari {years} tahun: benarkah?"),
    "notice_kurungan_long": ("kurungan of {sentence} is over 1 year 4 months: is it right?",
                             "kurungan {sentence} lebih dari 1 tahun 4 bulan: benarkah?"),
    "notice_minor": ("born {birth_date}: under {age} at detention on {detained} (children"
                     " belong in an LPKA)", "lahir {birth_date}: di bawah {age} tahun saat"
                     " ditahan {detained} (anak seharusnya di LPKA)"),
    "past_expiry": ("{reg_no} is {days} day(s) past expiry ({expiry}) and still in custody",
                    "{reg_no} sudah {days} hari lewat ekspirasi ({expiry}) dan masih ditahan"),
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
    "h_waitlist_position": ("Queue", "Antrian"),
    "h_granted_on": ("Granted", "Diberikan"), "h_days": ("Days", "Hari"),
    "h_seq": ("#", "#"), "h_at": ("When", "Waktu"), "h_actor": ("Actor", "Pelaku"),
    "h_who": ("About", "Tentang"), "h_details": ("Details", "Rincian"),
    "h_on": ("Date", "Tanggal"), "h_type": ("Type", "Jenis"), "h_override": ("Exception",
                                                                            "Pengecualian"),
    "h_to_lapas": ("To Lapas", "Ke Lapas"), "h_from_lapas": ("From Lapas", "Dari Lapas"),
    "h_left_on": ("Left", "Keluar"),
    "h_act": ("Act", "Tindakan"), "h_fields": ("Fields", "Kolom"),
    "h_command": ("Command", "Perintah"), "h_fine_substitute": ("In lieu of a fine",
                                                                "Pengganti denda"),
    "h_crime_category": ("Offence category", "Kategori perkara"),
    "ev_catalog_counts": ("{opds} OPD, {tracks} tracks, {products} products",
                          "{opds} OPD, {tracks} pelatihan, {products} produk"),
    "ev_catalog.synced": ("catalogue synced", "katalog disinkronkan"),
    "ev_person.registered": ("registered", "didaftarkan"),
    "ev_person.corrected": ("person corrected", "data orang dikoreksi"),
    "ev_person.accessed": ("personal data seen", "data pribadi dilihat"),
    "ev_privacy.set": ("privacy policy set", "kebijakan privasi diatur"),
    "h_due_by": ("By", "Jalur"),
    "log_kind_unknown": ("is not a kind of event: write it as the log does (released) or name"
                         " a part ({parts})",
                         "bukan jenis peristiwa: tulis seperti di log (bebas) atau sebut"
                         " bagiannya ({parts})"),
    "search_spelt_otherwise": ("No name holds '{text}' as written; these are spelt a letter"
                               " or two otherwise",
                               "Tidak ada nama yang memuat '{text}' persis; ini nama yang"
                               " ejaannya beda satu-dua huruf"),
    "ev_stay.admitted": ("admitted", "masuk"),
    "ev_stay.corrected": ("stay corrected", "masa tahanan dikoreksi"),
    "ev_stay.sentenced": ("sentenced", "diputus"),
    "ev_stay.released": ("released", "bebas"),
    "ev_stay.returned": ("back from a transfer", "kembali dari pemindahan"),
    "ev_stay.revoked": ("PB/CB revoked", "PB/CB dicabut"),
    "ev_release.voided": ("release voided", "pembebasan dibatalkan"),
    "ev_remission.granted": ("remission granted", "remisi diberikan"),
    "ev_remission.corrected": ("remission corrected", "remisi dikoreksi"),
    "ev_remission.voided": ("remission voided", "remisi dibatalkan"),
    "ev_enrolment.assigned": ("placed", "ditempatkan"),
    "ev_enrolment.waitlisted": ("waitlisted", "masuk daftar tunggu"),
    "ev_enrolment.promoted": ("moved up from the waitlist", "naik dari daftar tunggu"),
    "ev_enrolment.completed": ("completed", "selesai"),
    "ev_enrolment.dropped": ("left the track", "keluar dari pelatihan"),
    "ev_enrolment.corrected": ("place corrected", "penempatan dikoreksi"),
    "ev_enrolment.voided": ("voided", "dibatalkan"),
    "ev_sponsor.registered": ("sponsor registered", "donatur didaftarkan"),
    "ev_sponsor.corrected": ("sponsor corrected", "data donatur dikoreksi"),
    "ev_sponsor.accessed": ("sponsor contact shown", "kontak donatur dibuka"),
    "ev_donation.recorded": ("donation received", "donasi diterima"),
    "ev_donation.corrected": ("donation corrected", "donasi dikoreksi"),
    "ev_donation.voided": ("donation voided", "donasi dibatalkan"),
    "ev_adoption.recorded": ("adopted by a sponsor", "diadopsi donatur"),
    "ev_adoption.corrected": ("adoption corrected", "adopsi dikoreksi"),
    "ev_spending.recorded": ("spending recorded", "belanja dicatat"),
    "ev_production.recorded": ("batch made", "produksi dicatat"),
    "ev_sale.recorded": ("sale", "penjualan"),
    "ev_premi.paid": ("premi paid out", "premi dibayarkan"),
    "h_subject": ("Subject", "Subjek"), "h_payload": ("Details", "Rincian"),
    "h_field": ("Field", "Kolom"), "h_value": ("Value", "Nilai"),
    "s_person": ("Participant", "Peserta"), "s_stays": ("Stays", "Masa tahanan"),
    "s_enrolments": ("Tracks", "Pelatihan"), "s_remissions": ("Remissions", "Remisi"),
    "s_active": ("Active", "Aktif"), "s_waitlist": ("Waitlist", "Daftar tunggu"),
    "s_recent": ("Recent completions", "Penyelesaian terakhir"),
    "h_transfer_to": ("Transferred to", "Pindah ke"), "h_sentenced_on": ("Sentenced", "Diputus"),
    "h_days_past_expiry": ("Days past expiry", "Hari lewat ekspirasi"),
    "h_override": ("Exception", "Pengecualian"),
    "v_overdue": ("past expiry", "lewat ekspirasi"),
    "v_assignment": ("assignment", "penempatan"), "v_completion": ("completion", "penyelesaian"),
    "v_drop": ("drop", "keluar"), "v_release": ("release", "pembebasan"),
    "v_remission": ("remission", "remisi"),
    "h_section": ("Section", "Bagian"), "h_due_on": ("Due", "Jatuh tempo"),
    "h_days_left": ("Days left", "Sisa hari"), "h_missing": ("Missing", "Belum ada"),
    "h_contact": ("Contact", "Kontak"), "h_donated": ("Donated", "Donasi"),
    "h_balance": ("Balance", "Saldo"), "h_seats": ("Places", "Kursi"),
    "h_adopted": ("Adopted", "Diadopsi"), "h_received_on": ("Received", "Diterima"),
    "h_amount": ("Amount", "Jumlah"), "h_in_kind": ("In kind", "Barang"),
    "h_purpose": ("Purpose", "Tujuan"), "h_for": ("For", "Untuk"), "h_ref": ("Ref.", "No. bukti"),
    "h_voided_on": ("Voided", "Dibatalkan"), "h_void_reason": ("Why void", "Alasan batal"),
    "h_spent_on": ("Spent", "Tanggal belanja"), "h_what": ("What", "Keterangan"),
    "h_funded_by": ("Funded by", "Sumber dana"), "h_until": ("Until", "Sampai"),
    "h_consent": ("Consent to be named", "Setuju disebut"),
    "h_donated_cash": ("Donated (cash)", "Donasi (tunai)"),
    "h_donated_in_kind": ("Donated (in kind)", "Donasi (barang)"),
    "h_spent": ("Spent", "Dibelanjakan"), "h_started": ("Started", "Mulai"),
    "h_came_back": ("Came back", "Kembali masuk"), "h_donations": ("Donations", "Donasi"),
    "s_sponsor": ("Sponsor", "Donatur"), "s_donations": ("Donations", "Donasi"),
    "s_spending": ("Spending", "Belanja"), "s_adoptions": ("Adoptions", "Adopsi"),
    "s_balances": ("Left per purpose", "Sisa per tujuan"),
    "v_general": ("general", "umum"), "v_person": ("a person", "WBP tertentu"),
    "v_track": ("track", "pelatihan"),
    "h_unit": ("Unit", "Satuan"), "h_price": ("Price", "Harga"),
    "h_produced": ("Made", "Dibuat"), "h_sold": ("Sold", "Terjual"), "h_stock": ("Stock", "Stok"),
    "h_batch": ("Batch", "Batch"), "h_produced_on": ("Made on", "Tanggal buat"),
    "h_qty": ("Qty", "Kuantitas"), "h_makers": ("Makers", "Pembuat"),
    "h_weights": ("Shares", "Bagian"), "h_sold_on": ("Sold on", "Tanggal jual"),
    "h_channel": ("Channel", "Saluran"), "h_buyer": ("Buyer", "Pembeli"),
    "h_premi": ("Premi", "Premi"), "h_cooperative": ("Cooperative", "Koperasi"),
    "h_pnbp": ("PNBP", "PNBP"), "h_revenue": ("Revenue", "Pendapatan"),
    "h_product": ("Product", "Produk"), "h_sales": ("Sales", "Penjualan"),
    "h_last_sale": ("Last sale", "Penjualan terakhir"), "h_paid_on": ("Paid", "Dibayar"),
    "h_premi_earned": ("Premi earned", "Premi diperoleh"),
    "h_premi_paid": ("Premi paid out", "Premi dibayarkan"),
    "h_premi_balance": ("Premi balance", "Saldo premi"),
    "s_product": ("Product", "Produk"), "s_batches": ("Batches", "Batch produksi"),
    "s_sales": ("Latest sales", "Penjualan terakhir"), "s_premi": ("Premi", "Premi"),
    "s_earnings": ("Earnings per product", "Penghasilan per produk"),
    "s_payouts": ("Premi paid out", "Premi dibayarkan"),
    "v_koperasi": ("cooperative", "koperasi"), "v_pameran": ("exhibition", "pameran"),
    "v_daring": ("online", "daring"), "v_lainnya": ("other", "lainnya"),
    "v_yes": ("yes", "ya"), "v_no": ("no", "tidak"), "v_sponsor": ("sponsor", "donatur"),
    "h_credits": ("Premi to", "Premi untuk"), "h_split": ("Shared", "Dibagi"),
    "v_perorangan": ("individual", "perorangan"), "v_perusahaan": ("company", "perusahaan"),
    "v_lembaga": ("foundation", "lembaga"), "v_pemerintah": ("government", "pemerintah"),
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
    # -- personal data and hostile input (issue 20)
    "output_protected": ("{path} is the database, one of its files (WAL, SHM, journal,"
                         " checkpoints), a database copy or a key: an output never replaces"
                         " it; choose another file",
                         "{path} adalah basis data, salah satu berkasnya (WAL, SHM, jurnal,"
                         " titik periksa), salinan basis data atau kunci: keluaran tidak"
                         " pernah menimpanya; pilih berkas lain"),
    "mask_policy_refused": ("Config file {file} asks for NIKs unmasked (privacy: mask_nik:"
                            " false), but this database masks them: remove that setting, or"
                            " have the policy recorded first with 'wbpctl privacy set"
                            " mask-nik off --reason ...'",
                            "Berkas konfigurasi {file} meminta NIK tanpa samaran (privacy:"
                            " mask_nik: false), tetapi basis data ini menyamarkannya: hapus"
                            " pengaturan itu, atau catat kebijakannya dulu dengan 'wbpctl"
                            " privacy set mask-nik off --reason ...'"),
    "privacy_set": ("Privacy policy recorded: {setting} {value} ({reason})",
                    "Kebijakan privasi dicatat: {setting} {value} ({reason})"),
    "privacy_unchanged": ("{setting} is already {value}: nothing recorded",
                          "{setting} sudah {value}: tidak ada yang dicatat"),
    "privacy_setting_unknown": ("is not a privacy setting (choose {choices})",
                                "bukan pengaturan privasi (pilih {choices})"),
    "privacy_value_unknown": ("must be on or off", "harus on atau off"),
    "privacy_reason_required": ("is required: say why the policy changes",
                                "wajib diisi: sebutkan alasan kebijakan berubah"),
    "h_setting": ("Setting", "Pengaturan"),
    "anonymize_k_too_small": ("Not anonymous enough: the smallest group of rows alike on"
                              " {columns} has {k} row(s) (k = {k}, under --min-k {min_k});"
                              " nothing written. Export another kind, or lower --min-k"
                              " knowing that a row in a small group can be re-identified",
                              "Belum cukup anonim: kelompok terkecil baris yang sama pada"
                              " {columns} berisi {k} baris (k = {k}, di bawah --min-k"
                              " {min_k}); tidak ada yang ditulis. Ekspor jenis lain, atau"
                              " turunkan --min-k dengan sadar bahwa baris dalam kelompok"
                              " kecil dapat dikenali kembali"),
    "anonymized_k": ("Anonymised: {rows} row(s), k = {k} (every group of rows alike on"
                     " {columns} has at least {k}); pseudonyms of this export only",
                     "Dianonimkan: {rows} baris, k = {k} (tiap kelompok baris yang sama pada"
                     " {columns} berisi sedikitnya {k}); pseudonim khusus ekspor ini"),
    "anonymized_k_linkable": ("Anonymised: {rows} row(s), k = {k} (every group of rows"
                              " alike on {columns} has at least {k}); pseudonyms linkable"
                              " across exports (privacy_key)",
                              "Dianonimkan: {rows} baris, k = {k} (tiap kelompok baris yang"
                              " sama pada {columns} berisi sedikitnya {k}); pseudonim dapat"
                              " ditautkan antarekspor (privacy_key)"),
    "privacy_key_unset": ("A linkable export needs privacy_key in config.yaml (make the key"
                          " with 'wbpctl keygen --privacy PATH')", "Ekspor yang dapat"
                          " ditautkan perlu privacy_key di config.yaml (buat kuncinya dengan"
                          " 'wbpctl keygen --privacy PATH')"),
    "privacy_key_missing": ("Privacy key {path} does not exist: make it with 'wbpctl keygen"
                            " --privacy {path}'", "Kunci privasi {path} tidak ada: buat"
                            " dengan 'wbpctl keygen --privacy {path}'"),
    "privacy_key_open": ("Privacy key {path} can be read by others: chmod 600 it (and make"
                         " a new one if others may have read it)", "Kunci privasi {path}"
                         " dapat dibaca orang lain: chmod 600 (dan buat yang baru bila"
                         " mungkin sudah terbaca)"),
    "privacy_key_bad": ("Privacy key {path} is shorter than {bytes} bytes: make a new one"
                        " with 'wbpctl keygen --privacy'", "Kunci privasi {path} kurang dari"
                        " {bytes} byte: buat yang baru dengan 'wbpctl keygen --privacy'"),
    "keygen_privacy_done": ("Privacy key written: {path} (32 random bytes, owner-only); set"
                            " 'privacy_key: {path}' in config.yaml", "Kunci privasi ditulis:"
                            " {path} (32 byte acak, hanya pemilik); atur 'privacy_key:"
                            " {path}' di config.yaml"),
    "actor_reserved": ("holds '(os:', which wbpctl writes itself beside the name",
                       "memuat '(os:', yang ditulis wbpctl sendiri di samping nama"),
    # -- import and export
    "import_row_error": ("line {line}, {text}", "baris {line}, {text}"),
    "import_row_error_plain": ("line {line}: {text}", "baris {line}: {text}"),
    "import_more_errors": ("... and {count} more rejected rows (--errors FILE lists them all)",
                           "... dan {count} baris ditolak lagi (--errors FILE memuat semuanya)"),
    "import_rejected": ("Nothing written: {rejected} rejected row(s); the file goes in whole or"
                        " not at all (the other rows would have passed: {new} new,"
                        " {unchanged} unchanged, {changed} changed)",
                        "Tidak ada yang ditulis: {rejected} baris ditolak; berkas masuk utuh"
                        " atau tidak sama sekali (baris lainnya akan lolos: {new} baru,"
                        " {unchanged} tidak berubah, {changed} berubah)"),
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
    "import_unknown_columns_like": ("Unknown column(s) {columns}: did you mean {like}? wbpctl"
                                    " knows {known} (and the aliases in config.yaml); use"
                                    " --ignore-extra to skip them",
                                    "Kolom tak dikenal {columns}: maksudnya {like}? wbpctl"
                                    " mengenal {known} (dan alias di config.yaml); pakai"
                                    " --ignore-extra untuk melewatinya"),
    "import_missing_columns": ("Missing required column(s): {columns}; no row was read",
                               "Kolom wajib tidak ada: {columns}; tidak ada baris yang dibaca"),
    "import_ambiguous_column": ("Column '{column}' could be any of {columns} here: name it by"
                                " one of those", "Kolom '{column}' di sini bisa berarti"
                                " {columns}: beri judul salah satunya"),
    "import_duplicate_column": ("Column '{column}' is the same as '{first}'",
                                "Kolom '{column}' sama dengan '{first}'"),
    "import_encoding": ("{file} is not {encoding} (byte {byte}); try --encoding {hint}",
                        "{file} bukan {encoding} (byte {byte}); coba --encoding {hint}"),
    "import_header_at": ("Header on line {line}: the {titles} line(s) above it taken as a title",
                         "Judul kolom di baris {line}: {titles} baris di atasnya dianggap judul"
                         " daftar"),
    "import_workbook": ("{file} is a spreadsheet workbook (.xlsx, .xls or .ods): give its file"
                        " name (wbpctl import KIND daftar.xlsx) instead of standard input",
                        "{file} adalah buku kerja spreadsheet (.xlsx, .xls atau .ods): beri"
                        " nama berkasnya (wbpctl import KIND daftar.xlsx), bukan masukan"
                        " standar"),
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
    "import_spending_differs": ("differs from the spending recorded with that id or number"
                                " ({recorded}); a recorded spending is not changed by an import",
                                "berbeda dari belanja yang tercatat dengan id atau nomor itu"
                                " ({recorded}); belanja yang tercatat tidak diubah lewat impor"),
    "import_recorded_differs": ("differs from what is recorded with that id or number"
                                " ({recorded}); a recorded batch, sale or payout is not changed"
                                " by an import", "berbeda dari yang tercatat dengan id atau"
                                " nomor itu ({recorded}); batch, penjualan atau pembayaran yang"
                                " tercatat tidak diubah lewat impor"),
    "shares_invalid": ("is not a split of shares (0.5 and 0.2: premi and cooperative, adding"
                       " up to at most 1)", "bukan pembagian (0.5 dan 0.2: premi dan koperasi,"
                       " paling banyak 1 bersama)"),
    "contact_masked": ("is masked (an export without --reveal): export again with --reveal to"
                       " carry contacts over", "disamarkan (ekspor tanpa --reveal): ekspor lagi"
                       " dengan --reveal untuk membawa kontak"),
    "import_release_differs": ("differs from the release recorded that day ({recorded}); a"
                               " recorded release is not changed by an import",
                               "berbeda dari pembebasan yang tercatat hari itu ({recorded});"
                               " pembebasan yang tercatat tidak diubah lewat impor"),
    "date_order_unknown": ("is not a date order (day-first or month-first)",
                           "bukan urutan tanggal (day-first atau month-first)"),
    "import_month_first": ("Column '{column}' is written month-first (line {line}: '{value}' has"
                           " no month {month}), so every date in it would be read wrong:"
                           " nothing written; import again with --date-order month-first",
                           "Kolom '{column}' ditulis dengan bulan di depan (baris {line}:"
                           " '{value}' tidak punya bulan {month}), jadi semua tanggalnya akan"
                           " salah dibaca: tidak ada yang ditulis; impor lagi dengan"
                           " --date-order month-first"),
    "import_spreadsheet_damage": ("looks like spreadsheet damage to what is recorded"
                                  " ({recorded}): {how}; not corrected even with --update"
                                  " (--force-update if it is truly the new value)",
                                  "tampak seperti kerusakan oleh spreadsheet atas yang tercatat"
                                  " ({recorded}): {how}; tidak dikoreksi walau dengan --update"
                                  " (--force-update bila memang nilai baru)"),
    "damage_nik_zeros": ("the last digits turned to zeros, as when a NIK is stored as a number",
                         "digit terakhir menjadi nol, seperti NIK yang disimpan sebagai angka"),
    "damage_mojibake": ("UTF-8 text read as Windows-1252", "teks UTF-8 terbaca sebagai"
                        " Windows-1252"),
    "import_workbook_unreadable": ("Cannot read the workbook {file}: {reason}",
                                   "Tidak bisa membaca buku kerja {file}: {reason}"),
    "import_sheet_missing": ("{file} has no sheet '{sheet}' (it has {sheets})",
                             "{file} tidak punya lembar '{sheet}' (yang ada: {sheets})"),
    "import_record_unknown": ("is not a record kind (choose {choices})",
                              "bukan jenis catatan (pilih {choices})"),
    # -- reports
    "monthly_title": ("Monthly report, {lapas}, {month}", "Laporan Bulanan {lapas} {month}"),
    "generated": ("Generated {at} by wbpctl", "Dibuat {at} oleh wbpctl"),
    "s_figures": ("Figures", "Angka utama"), "s_by_opd": ("By OPD", "Per OPD"),
    "s_by_track": ("By track", "Per pelatihan"),
    "s_trend": ("12-month trend: completions and releases",
                "Tren 12 bulan: penyelesaian dan pembebasan"),
    "s_period": ("Period", "Periode"),
    "bars_assigned_completed": ("top: assigned, below: completed",
                                "atas: ditempatkan, bawah: selesai"),
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
    "m_past_expiry_in_custody": ("Still in custody past expiry", "Masih ditahan lewat ekspirasi"),
    "m_returned": ("Returned from a transfer", "Kembali dari pemindahan"),
    "m_revoked": ("PB/CB revoked (technical returns)", "PB/CB dicabut (kembali teknis)"),
    "month_unparseable": ("is not a month; write YYYY-MM (or October 2026), this or last",
                          "bukan bulan; tulis YYYY-MM (atau Oktober 2026), ini atau lalu"),
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
    "compare_unknown": ("is not a comparison (choose {choices})",
                        "bukan perbandingan (pilih {choices})"),
    "adjust_unknown": ("names what cannot be adjusted for (choose from {choices})",
                       "menyebut yang tidak bisa disesuaikan (pilih dari {choices})"),
    "programme_start_missing": ("needs programme_start in config.yaml (the day the programme"
                                " began)", "perlu programme_start di config.yaml (tanggal"
                                " program dimulai)"),
    "rec_title": ("Recidivism, {lapas}, as of {as_of}", "Residivisme {lapas}, per {as_of}"),
    "rec_sentence": ("{window}-year recidivism: {rate_1} ({group_1}) vs {rate_2} ({group_2}),"
                     " change {change} (95% CI {low} to {high}){adjusted}: {verdict}.",
                     "Tingkat residivisme {window} tahun: {rate_1} ({group_1}) vs {rate_2}"
                     " ({group_2}), perubahan {change} (IK 95%: {low} s.d. {high}){adjusted}:"
                     " {verdict}."),
    "rec_sentence_no_ratio": ("{window}-year recidivism: {rate_1} ({group_1}) vs {rate_2}"
                              " ({group_2}); no readmission in a group, so no ratio: {verdict}.",
                              "Tingkat residivisme {window} tahun: {rate_1} ({group_1}) vs"
                              " {rate_2} ({group_2}); satu kelompok tanpa masuk kembali, jadi"
                              " tanpa rasio: {verdict}."),
    "rec_sentence_too_few": ("{window}-year recidivism: {rate_1} ({group_1}, n = {n_1}) vs"
                             " {rate_2} ({group_2}, n = {n_2}): too few releases to judge (at"
                             " least {minimum} eligible in each group).",
                             "Tingkat residivisme {window} tahun: {rate_1} ({group_1}, n = {n_1})"
                             " vs {rate_2} ({group_2}, n = {n_2}): pembebasan terlalu sedikit"
                             " untuk dinilai (minimal {minimum} per kelompok)."),
    "rec_adjusted": (", adjusted for {what}", ", disesuaikan menurut {what}"),
    "rec_needed": ("To detect the claimed {claim} drop from a base rate of {base} takes about"
                   " {needed} eligible releases per group (80% power, 5% two-sided); at the"
                   " current pace ({per_year} a year in the smaller group) about {years}"
                   " year(s) more, follow-up included.",
                   "Untuk mendeteksi penurunan {claim} yang dijanjikan dari tingkat dasar {base}"
                   " dibutuhkan sekitar {needed} pembebasan yang memenuhi per kelompok (kuasa 80%,"
                   " 5% dua arah); dengan laju sekarang ({per_year} per tahun pada kelompok"
                   " terkecil) sekitar {years} tahun lagi, termasuk masa pengamatan."),
    "rec_needed_no_pace": ("To detect the claimed {claim} drop from a base rate of {base} takes"
                           " about {needed} eligible releases per group (80% power, 5%"
                           " two-sided); no releases in the last year to say how long.",
                           "Untuk mendeteksi penurunan {claim} yang dijanjikan dari tingkat"
                           " dasar {base} dibutuhkan sekitar {needed} pembebasan yang memenuhi per"
                           " kelompok (kuasa 80%, 5% dua arah); belum ada pembebasan setahun"
                           " terakhir untuk menaksir lamanya."),
    "rec_scope": ("Readmissions are seen only in the ledgers at hand ({lapas}): someone"
                  " readmitted to another Lapas is not counted until ledgers are merged.",
                  "Masuk kembali hanya terlihat di buku besar yang ada ({lapas}): orang yang"
                  " masuk kembali ke Lapas lain belum terhitung sampai buku besar digabung."),
    "rec_chart": ("{window}-year recidivism rate with its 95% interval",
                  "Tingkat residivisme {window} tahun dengan interval 95%"),
    "rec_method_1": ("Cohort: releases into the community from sentenced stays, by year of"
                     " release; a window counts once it has fully passed.",
                     "Kohort: pembebasan ke masyarakat dari masa pidana, per tahun bebas;"
                     " jangka dihitung setelah lewat seluruhnya."),
    "rec_method_2": ("Readmitted: the next sentenced stay began within the window; a PB, CB"
                     " or CMB revoked is a technical return, shown apart, never both.",
                     "Masuk kembali: masa pidana berikutnya dimulai dalam jangka itu; PB, CB"
                     " atau CMB yang dicabut adalah kembali teknis, ditampilkan terpisah."),
    "rec_method_3": ("Rates with 95% Wilson intervals; differences with Newcombe's interval;"
                     " risk ratios on the log scale, pooled over cohorts (and strata) by"
                     " Mantel-Haenszel.", "Tingkat dengan interval Wilson 95%; selisih dengan"
                     " interval Newcombe; rasio risiko pada skala log, digabung antarkohort"
                     " (dan strata) dengan Mantel-Haenszel."),
    "rec_method_4": ("Verdict: lower or higher only when the whole interval of the change is"
                     " below or above zero; under 30 eligible in a group: too few.",
                     "Kesimpulan: lebih rendah atau lebih tinggi hanya bila seluruh interval"
                     " perubahan di bawah atau di atas nol; di bawah 30 per kelompok: terlalu"
                     " sedikit."),
    "rec_method_5": ("Needed: a two-proportion test with 80% power, 5% two-sided, for a 20%"
                     " relative drop at the observed base rate.",
                     "Kebutuhan: uji dua proporsi dengan kuasa 80%, 5% dua arah, untuk"
                     " penurunan relatif 20% pada tingkat dasar yang teramati."),
    "verdict_lower": ("lower", "lebih rendah"), "verdict_higher": ("higher", "lebih tinggi"),
    "verdict_inconclusive": ("cannot be concluded", "belum dapat disimpulkan"),
    "verdict_too_few": ("too few releases", "pembebasan terlalu sedikit"),
    "g_completed_training": ("trained", "terlatih"), "g_no_training": ("not trained", "tidak"),
    "g_after_programme": ("after the programme began", "setelah program"),
    "g_before_programme": ("before", "sebelum program"),
    "a_sentence": ("sentence", "pidana"), "a_age": ("age", "umur"),
    "a_offence": ("offence", "perkara"),
    "all_cohorts": ("all", "semua"),
    "s_rates": ("Rates by cohort, window and group", "Tingkat per kohort, jangka dan kelompok"),
    "s_comparisons": ("Comparisons", "Perbandingan"), "s_method": ("Method", "Metode"),
    "s_verdicts": ("Verdicts", "Kesimpulan"), "s_readiness": ("Readiness", "Kesiapan bebas"),
    "sp_title": ("Sponsors, {lapas}, {start} to {end}", "Donatur {lapas}, {start} s.d. {end}"),
    "sp_beginning": ("the beginning", "awal"), "total": ("Total", "Jumlah"),
    "st_title": ("Statement for {name}", "Laporan untuk {name}"),
    "st_period": ("{start} to {end}", "{start} s.d. {end}"),
    "st_thanks": ("Thank you, {name}, for supporting the training and reintegration of the"
                  " inmates of {lapas}. This is what you gave, what it paid for, and what it"
                  " achieved.", "Terima kasih, {name}, atas dukungan bagi pembinaan dan"
                  " reintegrasi warga binaan {lapas}. Inilah yang Anda berikan, untuk apa"
                  " digunakan, dan apa hasilnya."),
    "st_came_in": ("{count} donation(s): {cash} in cash and goods worth {goods}.",
                   "{count} donasi: {cash} tunai dan barang senilai {goods}."),
    "st_paid_for": ("{spent} of your money was spent, on:",
                    "{spent} dari dana Anda dibelanjakan untuk:"),
    "st_privacy": ("A person is named only with their consent; otherwise by initials and"
                   " register class. People in funded places are counted, not named.",
                   "Seseorang disebut namanya hanya dengan persetujuannya; selain itu dengan"
                   " inisial dan kelas register. Peserta di kursi yang didanai dihitung, tidak"
                   " disebut namanya."),
    "st_left": ("{balance} of your money is left at {end}.",
                "Sisa dana Anda {balance} per {end}."),
    "s_statement": ("Statement", "Ringkasan"), "s_came_in": ("What came in", "Yang diterima"),
    "s_paid_for": ("What it paid for", "Digunakan untuk"),
    "s_places": ("Places funded", "Kursi yang didanai"), "s_outcomes": ("Outcomes", "Hasil"),
    "s_adopted": ("People adopted", "WBP yang diadopsi"), "s_sponsors": ("Sponsors", "Donatur"),
    "s_month_sponsors": ("Sponsors this month", "Donatur bulan ini"),
    "s_top_purposes": ("Donations by purpose", "Donasi per tujuan"),
    "s_cost": ("Cost per completion", "Biaya per kelulusan"),
    "ms_donations": ("Donations received", "Donasi diterima"),
    "ms_sponsors": ("Sponsors who gave", "Donatur yang memberi"),
    "ms_cash": ("In cash", "Tunai"), "ms_in_kind": ("In kind (value)", "Barang (nilai)"),
    "ms_spent": ("Spent from sponsors' money", "Dibelanjakan dari dana donatur"),
    "h_sponsor": ("Sponsor", "Donatur"), "h_person": ("Person", "Orang"),
    "h_completed_tracks": ("Completed", "Lulus"),
    "h_cost_per_completion": ("Per completion", "Per kelulusan"),
    "sales_title": ("Sales by {by}, {lapas}, {start} to {end}",
                    "Penjualan per {by}, {lapas}, {start} s.d. {end}"),
    "sales_split": ("Split of net revenue: premi {premi}, cooperative {cooperative}, PNBP"
                    " {pnbp}", "Pembagian pendapatan bersih: premi {premi}, koperasi"
                    " {cooperative}, PNBP {pnbp}"),
    "sales_split_used": ("{sales} sale(s) of the period were made with another split: {split}",
                         "{sales} penjualan di periode ini memakai pembagian lain: {split}"),
    "sales_by_unknown": ("is not a grouping (choose {choices})",
                         "bukan pengelompokan (pilih {choices})"),
    "s_sales_report": ("Sales", "Penjualan"), "s_split": ("Split", "Pembagian"),
    "s_month_products": ("Products and sales this month", "Produk dan penjualan bulan ini"),
    "s_revenue_trend": ("Revenue per month per product", "Pendapatan per bulan per produk"),
    "h_technical_returns": ("Technical returns", "Kembali teknis"),
    "h_rate_ci": ("Rate (95% CI)", "Tingkat (IK 95%)"),
    "h_difference_pp": ("Difference, points (95% CI)", "Selisih, poin (IK 95%)"),
    "h_risk_ratio": ("Risk ratio (95% CI)", "Rasio risiko (IK 95%)"),
    "h_adjusted_risk_ratio": ("Adjusted (95% CI)", "Disesuaikan (IK 95%)"),
    "h_verdict": ("Verdict", "Kesimpulan"),
    "v_after_programme": ("after the programme began", "setelah program dimulai"),
    "v_before_programme": ("before the programme", "sebelum program"),
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
    "columns_left_out": ("(not shown, too wide for this terminal: {columns}; a wider one or"
                         " -f csv shows them)", "(tidak ditampilkan, tidak muat di layar ini:"
                         " {columns}; layar lebih lebar atau -f csv menampilkannya)"),
    "v_ekspirasi": ("expiry", "ekspirasi"), "v_pb": ("parole (PB)", "pembebasan bersyarat"),
    "v_cb": ("conditional leave (CB)", "cuti bersyarat"),
    "v_cmb": ("leave before release (CMB)", "cuti menjelang bebas"),
    "v_bebas-demi-hukum": ("released by law", "bebas demi hukum"),
    "v_remisi-bebas": ("freed by remission", "bebas karena remisi"),
    "v_pindah": ("transferred", "pindah"), "v_meninggal": ("deceased", "meninggal"),
    "v_overdue_section": ("past expiry", "lewat ekspirasi"),
    # -- one chain per Lapas, merges and links (issues 19 and 21) --------------------------
    "ev_person.admitted": ("registered and admitted", "didaftarkan dan masuk"),
    "ev_person.linked": ("records linked as one person", "catatan ditautkan: orang yang sama"),
    "ev_ledger.merged": ("ledger of another Lapas merged", "buku besar Lapas lain digabungkan"),
    "ev_ledger.migrated": ("ledger moved to format 2", "buku besar dipindah ke format 2"),
    "h_first": ("First", "Pertama"), "h_last": ("Last", "Terakhir"),
    "h_events": ("Events", "Peristiwa"),
    "h_a": ("Record A", "Catatan A"), "h_a_lapas": ("Lapas A", "Lapas A"),
    "h_a_name": ("Name A", "Nama A"), "h_b": ("Record B", "Catatan B"),
    "h_b_lapas": ("Lapas B", "Lapas B"), "h_b_name": ("Name B", "Nama B"),
    "h_a_uid": ("uid A", "uid A"), "h_b_uid": ("uid B", "uid B"),
    "bundle_written": ("Bundle {path}: {events} event(s) after #{after}, up to {head}",
                       "Bundel {path}: {events} peristiwa setelah #{after}, sampai {head}"),
    "bundle_empty": ("The ledger has no event to bundle yet",
                     "Buku besar belum punya peristiwa untuk dibundel"),
    "merge_nothing_new": ("Nothing new: already merged up to {held}; nothing written",
                          "Tidak ada yang baru: sudah digabung sampai {held}; tidak ada yang"
                          " ditulis"),
    "merge_linked": ("{count} record(s) linked to the same person in another Lapas by NIK"
                     " (see 'wbpctl log')",
                     "{count} catatan ditautkan ke orang yang sama di Lapas lain lewat NIK"
                     " (lihat 'wbpctl log')"),
    "person_linked": ("Linked: {a} and {b} are one person", "Ditautkan: {a} dan {b} orang"
                      " yang sama"),
    "merge_gap": ("{source}: events #{first}-#{last} of {lapas} are missing here: merge the"
                  " bundle that holds them first; nothing written",
                  "{source}: peristiwa #{first}-#{last} dari {lapas} belum ada di sini:"
                  " gabungkan dulu bundel yang memuatnya; tidak ada yang ditulis"),
    "merge_fork": ("{source}: ledger {lapas} was rewritten after event {seq} (its events"
                   " differ from those merged before); nothing written",
                   "{source}: buku besar {lapas} ditulis ulang setelah peristiwa {seq}"
                   " (berbeda dari yang pernah digabung); tidak ada yang ditulis"),
    "merge_own_chain_ahead": ("{source} holds event #{seq} of this ledger's own chain ({lapas}),"
                              " which this ledger does not have (a copy from the future, or"
                              " this ledger was restored from an older backup); nothing"
                              " written",
                              "{source} memuat peristiwa #{seq} dari rantai buku besar ini"
                              " sendiri ({lapas}) yang tidak ada di sini (salinan yang lebih"
                              " baru, atau buku besar ini dipulihkan dari cadangan lama);"
                              " tidak ada yang ditulis"),
    "merge_source_missing": ("{source} does not exist", "{source} tidak ada"),
    "merge_missing": ("{source} does not exist", "{source} tidak ada"),
    "merge_event_missing": ("{source} is not whole: event #{seq} is missing; nothing written",
                            "{source} tidak utuh: peristiwa #{seq} hilang; tidak ada yang"
                            " ditulis"),
    "merge_event_altered": ("{source} was altered: event #{seq} does not match its hash;"
                            " nothing written",
                            "{source} telah diubah: peristiwa #{seq} tidak cocok dengan"
                            " hash-nya; tidak ada yang ditulis"),
    "merge_not_a_bundle": ("{source} is not a wbpctl bundle (made by 'wbpctl bundle')",
                           "{source} bukan bundel wbpctl (buatan 'wbpctl bundle')"),
    "merge_bundle_version": ("{source} is a bundle of a newer wbpctl: upgrade wbpctl",
                             "{source} bundel dari wbpctl yang lebih baru: perbarui wbpctl"),
    "merge_not_a_ledger": ("{source} is not a wbpctl ledger", "{source} bukan buku besar"
                           " wbpctl"),
    "merge_old_ledger": ("{source} is a ledger of another schema: run 'wbpctl init' on it (or"
                         " send a bundle)",
                         "{source} buku besar berskema lain: jalankan 'wbpctl init' padanya"
                         " (atau kirim bundel)"),
    "merge_unreadable": ("{source} cannot be read as a ledger", "{source} tidak dapat dibaca"
                         " sebagai buku besar"),
    "link_already": ("{a} and {b} are already one person", "{a} dan {b} sudah orang yang"
                     " sama"),
    "link_nik_differs": ("{a} and {b} have different NIKs: they are not one person",
                         "{a} dan {b} ber-NIK berbeda: bukan orang yang sama"),
    "who_in_several_lapas": ("names a stay in more than one Lapas: write {lapas}",
                             "ada di lebih dari satu Lapas: tulis {lapas}"),
    "h_basis": ("Basis", "Dasar"), "v_nik": ("same NIK", "NIK sama"),
    "v_manual": ("checked by hand", "diperiksa petugas"),
    "verify_chain_merged": ("The chain of {lapas} (merged) is broken at event {lapas}#{seq}:"
                            " {detail}", "Rantai {lapas} (hasil penggabungan) rusak pada"
                            " peristiwa {lapas}#{seq}: {detail}"),
    "who_of_other_lapas": ("{who} is a record of {lapas}, merged here: record what happens to"
                           " it in the ledger of {lapas}",
                           "{who} adalah catatan {lapas} yang digabung ke sini: catat"
                           " perubahannya di buku besar {lapas}"),
    "merge_conflict": ("{source}: the events of {lapas} name a record that is not here (a"
                       " Lapas it merged itself: merge that Lapas's ledger or bundles first) or"
                       " make one this ledger already has; nothing written",
                       "{source}: peristiwa {lapas} menyebut catatan yang tidak ada di sini"
                       " (Lapas yang digabungnya sendiri: gabungkan dulu buku besar atau bundel"
                       " Lapas itu) atau membuat catatan yang sudah ada; tidak ada yang"
                       " ditulis"),
    "merge_event_of_other_lapas": ("{source}: event #{seq} says another Lapas than the chain"
                                   " it comes in; nothing written",
                                   "{source}: peristiwa #{seq} menyebut Lapas lain dari"
                                   " rantainya; tidak ada yang ditulis"),
    "ledger_of_other_lapas": ("This ledger is Lapas {lapas}'s, the config says {config}: use"
                              " the config of {lapas} (another Lapas's records come in by"
                              " 'wbpctl merge')",
                              "Buku besar ini milik Lapas {lapas}, konfigurasi menyebut"
                              " {config}: pakai konfigurasi {lapas} (catatan Lapas lain masuk"
                              " lewat 'wbpctl merge')"),
    "h_merged": ("Merged", "Digabung"),
    "migration_chain_broken": ("The ledger cannot be upgraded: it is broken at event #{seq}"
                               " ({detail}). Nothing was changed; restore a backup first.",
                               "Buku besar tidak dapat ditingkatkan: rusak pada peristiwa #{seq}"
                               " ({detail}). Tidak ada yang diubah; pulihkan cadangan dulu."),
    "migration_uid_odd": ("The ledger cannot be upgraded: {table} row {id} has the uid"
                          " {uid!r}, which is not a UUID as wbpctl writes it. Nothing was"
                          " changed.",
                          "Buku besar tidak dapat ditingkatkan: baris {table} {id} memiliki"
                          " uid {uid!r}, yang bukan UUID seperti yang ditulis wbpctl. Tidak"
                          " ada yang diubah."),

    # -- reports across Lapas (--lapas, issue 19): one block, kept together at the end ------
    "lapas_unknown": ("names a Lapas this ledger holds no stay of ({unknown}); it holds"
                      " {known}", "menyebut Lapas yang tidak ada di buku besar ini ({unknown});"
                      " yang ada: {known}"),
    "lapas_none_named": ("names no Lapas; give one or more codes separated by commas, such as"
                         " {known}", "tidak menyebut Lapas; tulis satu kode atau lebih,"
                         " dipisah koma, misalnya {known}"),
    "lapas_and": (" and ", " dan "),
    "lapas_title": ("Lapas {codes}", "Lapas {codes}"),
    "lapas_covered": ("Lapas: {codes}", "Lapas: {codes}"),
    "lapas_not_per_lapas": ("{what} are not recorded per Lapas: these figures count every"
                            " Lapas of the ledger ({ledger}), whatever --lapas says.",
                            "{what} tidak dicatat per Lapas: angka ini mencakup semua Lapas"
                            " di buku besar ({ledger}), apa pun isi --lapas."),
    "np_sponsors": ("Sponsors' donations and spending", "Donasi dan belanja donatur"),
    "np_products": ("Products and sales", "Produk dan penjualan"),
    "np_cost_per_completion": ("Spending, and so the cost per completion,",
                               "Belanja, jadi juga biaya per kelulusan,"),
    "np_money": ("Donations, spending and balances", "Donasi, belanja dan sisa dana"),
    "np_sales": ("Products, production, sales, stock and premi",
                 "Produk, produksi, penjualan, stok dan premi"),
    "s_by_lapas": ("Per Lapas", "Per Lapas"),
    "s_lapas_scope": ("Lapas covered", "Lapas yang dicakup"),
    "h_registered": ("Admitted", "Masuk"),
    "h_in_custody_start": ("In custody (start)", "Ditahan (awal)"),
    "h_in_custody_end": ("In custody (end)", "Ditahan (akhir)"),
    "h_transferred": ("Transferred", "Dipindah"), "h_returned": ("Returned", "Kembali"),
    "h_revoked": ("Revoked", "Dicabut"), "h_deceased": ("Deceased", "Meninggal"),
    "h_releasing_next_90_days": ("Due, 90 days", "Bebas, 90 hari"),
    "h_past_expiry_in_custody": ("Past expiry", "Lewat ekspirasi"),
    "h_overdue": ("Past expiry", "Lewat ekspirasi"), "h_due": ("Due", "Segera bebas"),
    "h_relative_change": ("Change (95% CI)", "Perubahan (IK 95%)"),
}


def value_word(value: str, lang: str) -> str:
    """A coded value (a status, a result) in the words of ``lang``; unknown codes as they are."""
    return msg("v_" + value, lang) if ("v_" + value) in MESSAGES else value


_LONGEST_PARAM = 1000      # the longest list of choices a message names is half that


def _shown(value: object) -> object:
    """A value said in a message: nothing a terminal acts on, and never a whole cell of
    100 KB (``cli.state.error_line`` cuts the value of an error to 80 characters)."""
    if not isinstance(value, str):
        return value
    return terminal_text(cut(value, _LONGEST_PARAM))


def msg(key: str, lang: str = "en", /, **params: object) -> str:
    pair = MESSAGES.get(key)
    if pair is None:
        return key + (" " + repr(params) if params else "")
    template = pair[1] if lang == "id" and pair[1] else pair[0]
    params = {name: msg(value.key, lang, **value.params) if isinstance(value, Message)
              else _money(value, lang) if isinstance(value, Rupiah)
              else _shown(_in_words(name, value) if lang == "id" else value)
              for name, value in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


# parameters that hold a coded value (a status, a release type, a drop reason)
_CODED_PARAMS = {"status", "type", "release_type", "reason", "result", "phase"}
_ISO_DAY = LazyPattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


# parameters that count things (never a year, a sequence number or a line number)
_COUNT_PARAMS = {"events", "rows", "rejected", "people", "count", "qty", "stock", "k",
                 "loaded", "added", "written"}


def _in_words(name: str, value: object) -> object:
    """A parameter as an Indonesian message says it: a day as the reader writes it
    (``27-02-2027``), a coded value in its word (``released`` -> ``bebas``), a count with
    its thousands (``1.407``)."""
    if isinstance(value, int) and not isinstance(value, bool) and name in _COUNT_PARAMS:
        return number(value, "id")
    if not isinstance(value, str):
        return value
    if _ISO_DAY.fullmatch(value):
        from .display import date_text
        try:
            return date_text(value, "id")
        except ValueError:          # not a day after all (2026-13-45)
            return value
    return value_word(value, "id") if name in _CODED_PARAMS else value


def _money(value: int, lang: str) -> str:
    from .numbers import rupiah
    return rupiah(value, lang)


def header(key: str, lang: str) -> str:
    return msg("h_" + key, lang) if ("h_" + key) in MESSAGES else key
