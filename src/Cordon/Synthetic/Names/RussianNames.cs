namespace Cordon.Synthetic.Names;

/// <summary>
/// Russian names in Latin transliterations and Cyrillic. Male given names carry the stems of the patronymics built
/// on them (<c>Sergeyev</c> + <c>ich</c>/<c>na</c>); family names are in the male form, the female one is derived.
/// </summary>
internal static class RussianNames
{
    public static readonly NameCulture Culture = new(
        "russian",
        NameStyle.Russian,
        Weight: 12,
        Male: NameForm.ParseAll([
            "Aleksandr/Alexander/Aleksander|Александр|Aleksandrov|Александров", "Sergei/Sergey/Sergej|Сергей|Sergeyev|Сергеев",
            "Dmitry/Dmitri/Dmitriy|Дмитрий|Dmitriyev|Дмитриев", "Andrei/Andrey|Андрей|Andreyev|Андреев",
            "Alexei/Aleksei/Alexey/Aleksey|Алексей|Alekseyev|Алексеев", "Mikhail/Michail|Михаил|Mikhailov|Михайлов",
            "Ivan|Иван|Ivanov|Иванов", "Vladimir/Wladimir|Владимир|Vladimirov|Владимиров", "Nikolai/Nikolay|Николай|Nikolayev|Николаев",
            "Yuri/Yury/Iurii|Юрий|Yuryev|Юрьев", "Viktor/Victor|Виктор|Viktorov|Викторов", "Oleg|Олег|Olegov|Олегов",
            "Igor|Игорь|Igorev|Игорев", "Pavel|Павел|Pavlov|Павлов", "Vadim|Вадим|Vadimov|Вадимов", "Maksim/Maxim|Максим|Maksimov|Максимов",
            "Denis|Денис|Denisov|Денисов", "Roman|Роман|Romanov|Романов", "Yevgeny/Evgeny/Evgeniy|Евгений|Yevgenyev|Евгеньев",
            "Anatoly/Anatoliy|Анатолий|Anatolyev|Анатольев", "Boris|Борис|Borisov|Борисов", "Gennady/Gennadiy|Геннадий|Gennadyev|Геннадьев",
            "Konstantin|Константин|Konstantinov|Константинов", "Valery/Valeriy|Валерий|Valeryev|Валерьев",
            "Vyacheslav|Вячеслав|Vyacheslavov|Вячеславов", "Arkady/Arkadiy|Аркадий|Arkadyev|Аркадьев",
            "Grigory/Grigoriy|Григорий|Grigoryev|Григорьев", "Leonid|Леонид|Leonidov|Леонидов", "Stanislav|Станислав|Stanislavov|Станиславов",
            "Artyom/Artem|Артём|Artyomov|Артёмов", "Kirill|Кирилл|Kirillov|Кириллов", "Timur|Тимур|Timurov|Тимуров",
            "Ruslan|Руслан|Ruslanov|Русланов", "Fyodor/Fedor|Фёдор|Fyodorov|Фёдоров", "Stepan|Степан|Stepanov|Степанов",
            "Vasily/Vasiliy|Василий|Vasilyev|Васильев", "Pyotr/Petr|Пётр|Petrov|Петров", "Anton|Антон|Antonov|Антонов",
            "Gleb|Глеб|Glebov|Глебов", "Semyon/Semen|Семён|Semyonov|Семёнов", "Yegor/Egor|Егор|Yegorov|Егоров",
        ]),
        Female: NameForm.ParseAll([
            "Olga|Ольга", "Tatyana/Tatiana|Татьяна", "Irina|Ирина", "Natalya/Natalia|Наталья", "Yelena/Elena|Елена",
            "Svetlana|Светлана", "Anna|Анна", "Mariya/Maria|Мария", "Yekaterina/Ekaterina|Екатерина", "Anastasiya/Anastasia|Анастасия",
            "Yuliya/Yulia/Julia|Юлия", "Marina|Марина", "Lyudmila/Ludmila|Людмила", "Galina|Галина", "Oksana|Оксана",
            "Valentina|Валентина", "Nadezhda|Надежда", "Vera|Вера", "Larisa|Лариса", "Darya/Daria|Дарья", "Kseniya/Ksenia|Ксения",
            "Polina|Полина", "Alina|Алина", "Viktoriya/Victoria|Виктория", "Sofiya/Sofia|София", "Inna|Инна", "Zhanna|Жанна",
            "Alla|Алла", "Tamara|Тамара", "Lyubov/Liubov|Любовь",
        ]),
        Family: NameForm.ParseAll([
            "Ivanov|Иванов", "Smirnov|Смирнов", "Kuznetsov|Кузнецов", "Popov|Попов", "Vasilyev/Vasiliev|Васильев", "Petrov|Петров",
            "Sokolov|Соколов", "Mikhailov|Михайлов", "Novikov|Новиков", "Fyodorov/Fedorov|Фёдоров", "Morozov|Морозов",
            "Volkov|Волков", "Alekseyev/Alekseev|Алексеев", "Lebedev|Лебедев", "Semyonov/Semenov|Семёнов", "Yegorov/Egorov|Егоров",
            "Pavlov|Павлов", "Kozlov|Козлов", "Stepanov|Степанов", "Nikolayev/Nikolaev|Николаев", "Orlov|Орлов",
            "Andreyev/Andreev|Андреев", "Makarov|Макаров", "Nikitin|Никитин", "Zakharov|Захаров", "Zaytsev/Zaitsev|Зайцев",
            "Solovyov/Soloviev|Соловьёв", "Borisov|Борисов", "Yakovlev|Яковлев", "Grigoryev/Grigoriev|Григорьев",
            "Vorobyov/Vorobiev|Воробьёв", "Sergeyev/Sergeev|Сергеев", "Kovalyov/Kovalev|Ковалёв", "Belov|Белов", "Tarasov|Тарасов",
            "Belyayev/Belyaev|Беляев", "Komarov|Комаров", "Gusev|Гусев", "Titov|Титов", "Kiselyov/Kiselev|Киселёв",
            "Ilyin/Ilin|Ильин", "Gavrilov|Гаврилов", "Vinogradov|Виноградов", "Bogdanov|Богданов", "Zhukov|Жуков",
            "Filippov|Филиппов", "Danilov|Данилов", "Shcherbakov/Scherbakov|Щербаков", "Polyakov|Поляков", "Tsvetkov|Цветков",
            "Kalinin|Калинин", "Voronin|Воронин", "Chernov|Чернов", "Sobolev|Соболев", "Zhdanov|Жданов",
            "Dubrovsky/Dubrovskiy|Дубровский", "Zalessky/Zalesskiy|Залесский", "Kovalenko|Коваленко", "Kravchenko|Кравченко",
        ]),
        Countries: ["ru", "ru", "ru", "ru", "by", "kz", "ua", "kg"],
        OrganisationStems: ["Sever", "Vostok", "Baltika", "Ural", "Sibir", "Volga", "Neva", "Arktika", "Taiga", "Yug", "Zapad", "Amur", "Kama"]);
}
