"""Name normalisation and similarity."""

from core.nomenclature.names import NameScorer, normalise_name, similarity, tokens


def test_normalise_folds_printing_differences_only():
    assert normalise_name("Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial") == (
        normalise_name("Pemberian Bimbingan Fisik, Mental, Spiritual dan Sosial")
    )
    assert normalise_name("Sosialisasi Peraturan Perundang- Undangan") == (
        "sosialisasi peraturan perundang-undangan"
    )
    assert normalise_name("Koordinasi dan Penyusunan Laporan Keuangan Bulanan/ Triwulanan/ Semesteran SKPD") == (
        "koordinasi dan penyusunan laporan keuangan bulanan/triwulanan/semesteran skpd"
    )
    assert normalise_name("Korban HIV/AIDS dan NAPZArn") == "korban hiv/aids dan napza"
    assert normalise_name("Kerjasama Antar Lembaga") == normalise_name("Kerja Sama antar Lembaga")
    # a typo is a different name
    assert normalise_name("Spritual") != normalise_name("Spiritual")
    # a lower-case "rn" ending is a word, not an artefact
    assert normalise_name("modern") == "modern"


def test_tokens_fold_old_vocabulary():
    assert tokens("Pemindahan tugas PNS") == ("pemindahan", "tugas", "asn")
    assert tokens("Pengadaan mebeleur") == ("pengadaan", "mebel")
    assert tokens("Program pembinaan para penyandang cacat") == ("pembinaan", "penyandang", "disabilitas")


def test_similarity_bounds():
    assert similarity("Penyediaan jasa surat menyurat", "Penyediaan Jasa Surat Menyurat") == 1.0
    assert similarity("Pengasuhan", "Pemulasaraan") == 0.0
    assert 0 < similarity("Penyediaan Sandang", "Penyediaan Permakanan") < 1


def test_scorer_weighs_common_words_less():
    names = ["Penyediaan Jasa Surat Menyurat", "Penyediaan Sandang", "Penyediaan Permakanan",
             "Penyediaan Alat Bantu", "Pengadaan Mebel"]
    scorer = NameScorer(names)
    assert scorer.score("Penyediaan jasa surat menyurat", "Penyediaan Jasa Surat Menyurat") == 1.0
    assert scorer.score("Penyediaan jasa surat menyurat", "Penyediaan Sandang") < 0.3
    assert scorer.weight("penyediaan") < scorer.weight("sandang")
